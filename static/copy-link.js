/* Copy-link and cite for the turn or question being pointed at, focused or tapped.
 *
 * Progressive enhancement. The page prints one citation of the call (in its header) and a "#"
 * permalink per turn and question. This script keeps one small toolbar ("Copy link", "Cite")
 * and shows it beside the "#" of the turn the pointer is over, the "#" that has keyboard focus,
 * or the turn a tap on its "#" led to, so the text never carries three controls per turn. The
 * toolbar sits over the heading row: showing it moves nothing. Citations are always absolute:
 * a path-absolute link (a build without base_url) is resolved against this page's address.
 * Loaded as a file, never inline, so the Content-Security-Policy can forbid inline script. */
(function () {
  "use strict";

  var call = document.querySelector("[data-cite-call]");
  var canCopy = !!(navigator.clipboard && typeof navigator.clipboard.writeText === "function");

  function absolute(url) {
    try {
      return new URL(url, window.location.href).href;
    } catch (e) {
      return url;
    }
  }

  function urlOf(link) {
    return absolute(link.getAttribute("data-copy-url") || link.getAttribute("href"));
  }

  function callCitation(url) {
    return call.getAttribute("data-cite-call") + ". " + call.getAttribute("data-cite-site") +
      ", " + url + ".";
  }

  // "Elon Musk, question 5, turn 42, in “Title”, July 25, 2012, transcript: …. Site, https://…#t042."
  function citation(link) {
    // A question names its asker; a turn is cited by the name in its own heading.
    var head = link.closest(".turn__head");
    var name = head ? head.querySelector(".speaker__name") : null;
    var by = link.getAttribute("data-cite-by") || (name ? name.textContent : "");
    var what = link.getAttribute("data-copy-label");
    return (by ? by + ", " : "") + what + ", in " + callCitation(urlOf(link));
  }

  if (call) {
    // The page's own citation, absolute even when the build did not know the site's address.
    var text = callCitation(absolute(call.getAttribute("data-cite-url")));
    call.textContent = text;
    var printed = document.querySelector(".cite--print");
    if (printed) {
      printed.textContent = text;
    }
    if (canCopy) {
      call.insertAdjacentElement("afterend", copyButton("Copy citation", "citation of the page",
        function () { return call.textContent; }));
    }
  }

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

  function copyButton(label, what, value) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite__copy";
    button.textContent = label;
    button.setAttribute("data-pagefind-ignore", "");
    button.addEventListener("click", function () {
      var text = value();
      navigator.clipboard.writeText(text).then(
        function () {
          button.textContent = "Copied";
          button.classList.add("copy-done");
          announce("Copied the " + what + ": " + text);
          window.setTimeout(function () {
            button.textContent = label;
            button.classList.remove("copy-done");
          }, 2000);
        },
        function () {
          announce("Could not copy. Select the text instead.");
        }
      );
    });
    return button;
  }

  // The one toolbar, moved to whichever turn is active.
  var current = null;
  var bar = document.createElement("div");
  bar.className = "turn-tools";
  bar.setAttribute("data-pagefind-ignore", "");
  bar.hidden = true;
  var copyLink = canCopy ? copyButton("Copy link", "link", function () { return urlOf(current); }) : null;
  var cite = document.createElement("button");
  cite.type = "button";
  cite.textContent = "Cite";
  cite.setAttribute("aria-expanded", "false");
  var box = document.createElement("div");
  box.className = "turn-tools__citation";
  box.hidden = true;
  var boxText = document.createElement("p");
  boxText.className = "cite__text";
  box.appendChild(boxText);
  if (canCopy) {
    box.appendChild(copyButton("Copy citation", "citation", function () { return boxText.textContent; }));
  }
  if (copyLink) {
    copyLink.className = "";
    bar.appendChild(copyLink);
  }
  bar.appendChild(cite);
  bar.appendChild(box);

  function label() {
    var what = current.getAttribute("data-copy-label");
    if (copyLink) {
      copyLink.setAttribute("aria-label", "Copy link to " + what);
    }
    cite.setAttribute("aria-label", "Cite " + what);
  }

  function show(link) {
    if (!link || link === current) {
      return;
    }
    current = link;
    closeBox();
    link.insertAdjacentElement("afterend", bar);
    label();
    bar.hidden = false;
  }

  function closeBox() {
    box.hidden = true;
    cite.setAttribute("aria-expanded", "false");
  }

  cite.addEventListener("click", function () {
    if (!box.hidden) {
      closeBox();
      return;
    }
    boxText.textContent = citation(current);
    box.hidden = false;
    cite.setAttribute("aria-expanded", "true");
  });

  function permalinkOf(el) {
    var holder = el && el.closest ? el.closest(".turn, .exchange__head") : null;
    return holder ? holder.querySelector("a.permalink[data-copy-label]") : null;
  }

  if (call && document.querySelector("a.permalink[data-copy-label]")) {
    document.addEventListener("mouseover", function (event) {
      if (box.hidden) {
        show(permalinkOf(event.target));
      }
    });
    document.addEventListener("focusin", function (event) {
      var t = event.target;
      if (t.matches && t.matches("a.permalink[data-copy-label]")) {
        show(t);
      }
    });
    document.addEventListener("click", function (event) {
      if (!box.hidden && !bar.contains(event.target)) {
        closeBox(); // a click elsewhere closes the citation, as a menu closes
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !box.hidden) {
        closeBox();
        cite.focus();
      }
    });
    var fromHash = function () {
      var id = decodeURIComponent(window.location.hash.slice(1));
      var target = id ? document.getElementById(id) : null;
      show(permalinkOf(target));
    };
    window.addEventListener("hashchange", fromHash);
  }
})();
