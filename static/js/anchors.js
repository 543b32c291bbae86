// The language switcher keeps the passage or row the visitor is reading: the #anchor never reaches
// the server, so the switcher's links get it here. The anchors are the same in every language.
"use strict";

function keepAnchor() {
  document.querySelectorAll(".lang-switch a[href]").forEach((link) => {
    const url = new URL(link.href);
    url.hash = location.hash;
    link.href = url.href;
  });
}

keepAnchor();
window.addEventListener("hashchange", keepAnchor);
