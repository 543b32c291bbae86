// Django's two-box multiple select (filter_horizontal) draws its search icons as <span aria-label>,
// which needs a role for the label to count (axe: aria-prohibited-attr). This file loads before
// Django's SelectFilter2.js, so it waits until every other load handler has built the boxes.
"use strict";
window.addEventListener("load", function () {
  window.setTimeout(function () {
    document.querySelectorAll(".selector .help-tooltip[aria-label]:not([role])").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
  }, 0);
});
