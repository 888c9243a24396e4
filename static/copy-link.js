/* Copy-link buttons and citations beside each permalink on a transcript page.
 *
 * Progressive enhancement. The page prints one citation of the call (in its header) and a "#"
 * permalink per turn and question; this script adds, beside each permalink, a "Cite" box with
 * that remark's own citation (who said it, the call, its anchor URL) and, where the Clipboard
 * API exists (a secure context: https or localhost), a "Copy link" button. Without the script
 * the permalinks and the call's citation still give the link. Loaded as a file, never inline,
 * so the site's Content-Security-Policy can forbid inline script. */
(function () {
  "use strict";

  var links = document.querySelectorAll("a.permalink[data-copy-label]");
  var call = document.querySelector("[data-cite-call]");
  var canCopy = !!(navigator.clipboard && typeof navigator.clipboard.writeText === "function");

  // The configured absolute URL when the build had an origin; else the link as resolved here.
  function urlOf(link) {
    return link.getAttribute("data-copy-url") || link.href;
  }

  function citation(link) {
    var parts = [];
    var by = link.getAttribute("data-cite-by");
    if (by) {
      parts.push(by);
    }
    parts.push(call.getAttribute("data-cite-call"), urlOf(link));
    return parts.join(", ") + ".";
  }

  // <details class="cite"><summary>Cite<span class="visually-hidden"> turn 3</span></summary>
  //   <p class="cite__text">Jane Roe, "Acme Q4 call", February 1, 2022, https://...#t003.</p>
  function citeBox(link) {
    var details = document.createElement("details");
    details.className = "cite";
    details.setAttribute("data-pagefind-ignore", "");
    var summary = document.createElement("summary");
    summary.appendChild(document.createTextNode("Cite"));
    var what = document.createElement("span");
    what.className = "visually-hidden";
    what.textContent = " " + link.getAttribute("data-copy-label");
    summary.appendChild(what);
    var text = document.createElement("p");
    text.className = "cite__text";
    text.textContent = citation(link);
    details.appendChild(summary);
    details.appendChild(text);
    return details;
  }

  // One polite live region announces the result to screen-reader users; it is on the page before
  // its first message, or screen readers may not announce it.
  var status = null;
  if (canCopy && links.length) {
    status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    document.body.appendChild(status);
  }

  function announce(message) {
    status.textContent = "";
    // A fresh text node after a tick makes screen readers re-announce the same message.
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  function copy(button, link) {
    var url = urlOf(link);
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

  function copyButton(link) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-link";
    button.textContent = "Copy link";
    button.setAttribute("aria-label", "Copy link to " + link.getAttribute("data-copy-label"));
    button.setAttribute("data-pagefind-ignore", "");
    button.addEventListener("click", function () {
      copy(button, link);
    });
    return button;
  }

  Array.prototype.forEach.call(links, function (link) {
    var after = link;
    if (canCopy) {
      after = copyButton(link);
      link.insertAdjacentElement("afterend", after);
    }
    if (call) {
      after.insertAdjacentElement("afterend", citeBox(link));
    }
  });
})();
