// Search page: Pagefind's default UI. Pagefind stores result URLs from the site root
// (/ar/articles/x/); the root is taken from this page's own address, so the same build
// finds its results at a domain root and under a project path (/repo/ar/articles/x/).
(function () {
  "use strict";
  var container = document.getElementById("search");
  var siteRoot = new URL(container.dataset.siteRoot, window.location.href).pathname;
  new PagefindUI({ element: "#search", baseUrl: siteRoot, showImages: false, autofocus: true });
  // Pagefind names its search box by a title only; the page heading is its visible label.
  container.querySelector("input").setAttribute("aria-labelledby", container.dataset.labelledby);
})();
