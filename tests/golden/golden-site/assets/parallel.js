// Parallel view: pointing at or focusing a sentence highlights its twin in the other
// language. The page is complete without this script; it only adds the highlight.
(function () {
  "use strict";
  function twinsOf(element) {
    var id = element.id.replace(/^(ar|en)-/, "");
    return [document.getElementById("ar-" + id), document.getElementById("en-" + id)].filter(Boolean);
  }
  function mark(event, on) {
    var seg = event.target.closest && event.target.closest(".parallel .seg");
    if (!seg) { return; }
    twinsOf(seg).forEach(function (el) { el.classList.toggle("twin-active", on); });
  }
  document.addEventListener("mouseover", function (e) { mark(e, true); });
  document.addEventListener("mouseout", function (e) { mark(e, false); });
  document.addEventListener("focusin", function (e) { mark(e, true); });
  document.addEventListener("focusout", function (e) { mark(e, false); });
  document.querySelectorAll(".parallel .seg").forEach(function (el) { el.tabIndex = 0; });
})();
