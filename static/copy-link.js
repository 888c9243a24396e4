/* Copy-link buttons beside each permalink on a transcript page.
 *
 * Progressive enhancement: the button only exists where the Clipboard API does (a secure
 * context: https or localhost). Without this script, or without the API, the "#" permalink and
 * the "Cite" line still give the link. Loaded as a file, never inline, so the site's
 * Content-Security-Policy can forbid inline script. */
(function () {
  "use strict";
  if (!navigator.clipboard || typeof navigator.clipboard.writeText !== "function") {
    return;
  }

  // One polite live region announces the result to screen-reader users.
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  function announce(message) {
    status.textContent = "";
    // A fresh text node after a tick makes screen readers re-announce the same message.
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  function copy(button, link) {
    // The configured absolute URL when the build had an origin; else the link as resolved here.
    var url = link.getAttribute("data-copy-url") || link.href;
    navigator.clipboard.writeText(url).then(
      function () {
        button.textContent = "Copied";
        button.classList.add("copy-link--done");
        announce("Link copied: " + url);
        window.setTimeout(function () {
          button.textContent = "Copy link";
          button.classList.remove("copy-link--done");
        }, 2000);
      },
      function () {
        announce("Could not copy the link. Use the # link beside it instead.");
      }
    );
  }

  var links = document.querySelectorAll("a.permalink[data-copy-label]");
  Array.prototype.forEach.call(links, function (link) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-link";
    button.textContent = "Copy link";
    button.setAttribute("aria-label", "Copy link to " + link.getAttribute("data-copy-label"));
    button.setAttribute("data-pagefind-ignore", "");
    button.addEventListener("click", function () {
      copy(button, link);
    });
    link.insertAdjacentElement("afterend", button);
  });
})();
