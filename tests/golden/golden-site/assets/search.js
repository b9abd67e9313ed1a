// Search page: Pagefind's default UI. Pagefind stores result URLs from the site root
// (/ar/articles/x/); the root is taken from this page's own address, so the same build
// finds its results at a domain root and under a project path (/repo/ar/articles/x/).
// The UI comes from the newest bundle of the index (the newest month); the older ones, listed in
// data-merge, are searched with it (Pagefind's mergeIndex), ranked together.
(function () {
  "use strict";
  var container = document.getElementById("search");
  var siteRoot = new URL(container.dataset.siteRoot, window.location.href).pathname;
  var older = container.dataset.merge.split(" ").filter(Boolean).map(function (bundle) {
    return { bundlePath: new URL(bundle, window.location.href).pathname, baseUrl: siteRoot };
  });
  new PagefindUI({ element: "#search", baseUrl: siteRoot, mergeIndex: older, showImages: false, autofocus: true });
  // Pagefind names its search box by a title only; the page heading is its visible label.
  container.querySelector("input").setAttribute("aria-labelledby", container.dataset.labelledby);
})();
