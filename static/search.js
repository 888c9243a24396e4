/* Search page: loads Pagefind's UI from the search bundle and runs the query in ?q=.
   Progressive enhancement: the page already says search needs JavaScript and links to the
   contents; this script replaces that only once the UI has really started. Everything it needs
   (bundle and base path, which differ when the site lives under /calls/) comes from data
   attributes the build wrote, so there is no inline script and a strict CSP holds. */
(function () {
  "use strict";

  var root = document.getElementById("search");
  if (!root) {
    return;
  }
  var mount = document.getElementById("search-ui");
  var fallback = document.getElementById("search-fallback");
  var status = document.getElementById("search-status");

  function unavailable() {
    status.textContent =
      "Search is not available on this copy of the site (its index is missing). " +
      "Every remark can also be reached from the contents:";
    fallback.hidden = false;
  }

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) {
        element.setAttribute(name, attributes[name]);
      });
      element.addEventListener("load", resolve);
      element.addEventListener("error", reject);
      document.head.appendChild(element);
    });
  }

  function queryFromAddress() {
    return new URLSearchParams(window.location.search).get("q") || "";
  }

  // Keep ?q= in step with what is typed, so a reload, a shared link or Back shows the same hits.
  function rememberQuery(input) {
    var timer = null;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var address = new URL(window.location.href);
        if (input.value.trim()) {
          address.searchParams.set("q", input.value);
        } else {
          address.searchParams.delete("q");
        }
        window.history.replaceState(null, "", address.toString());
      }, 400);
    });
  }

  // The index comes in shards (one Pagefind bundle per group of calls, listed in shards.json):
  // the first is the UI's own, the others are merged into it, so a search and its filters span
  // every call. A bundle without the list is a single index, as Pagefind writes it.
  function loadIndexes() {
    var bundle = root.dataset.bundleUrl;
    var single = { bundlePath: bundle, mergeIndex: [] };
    return fetch(bundle + "shards.json")
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (listing) {
        var shards = listing && Array.isArray(listing.shards) ? listing.shards : [];
        if (!shards.length) {
          return single;
        }
        return {
          bundlePath: bundle + shards[0],
          mergeIndex: shards.slice(1).map(function (shard) {
            return { bundlePath: bundle + shard, baseUrl: root.dataset.baseUrl };
          }),
        };
      })
      .catch(function () {
        return single;
      });
  }

  function start(indexes) {
    var query = queryFromAddress();
    var options = {
      element: "#search-ui",
      bundlePath: indexes.bundlePath,
      baseUrl: root.dataset.baseUrl,
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      autofocus: !query,
      translations: {
        placeholder: "Search the transcripts",
        zero_results: "No remark matches [SEARCH_TERM]",
      },
    };
    if (indexes.mergeIndex.length) {
      options.mergeIndex = indexes.mergeIndex;
    }
    var ui = new window.PagefindUI(options);
    fallback.hidden = true;
    // The header's box would be a second search field on this page: the UI's own replaces it.
    var headerSearch = document.querySelector(".site-search");
    if (headerSearch) {
      headerSearch.hidden = true;
    }
    var input = mount.querySelector(".pagefind-ui__search-input");
    if (input) {
      // Pagefind labels its field with a title only; a visible label serves everyone better.
      var label = document.createElement("label");
      label.className = "search__label";
      label.htmlFor = "search-input";
      label.textContent = "Words to find in the transcripts";
      input.id = "search-input";
      input.setAttribute("name", "q");
      mount.insertBefore(label, mount.firstChild);
      rememberQuery(input);
    }
    if (query) {
      ui.triggerSearch(query);
    }
  }

  load("link", { rel: "stylesheet", href: root.dataset.uiStylesheet })
    .catch(function () {
      // The UI still works unstyled; the script below decides whether search is available.
    });
  // Only a failed load means "unavailable"; a mistake in start() must surface in the console.
  load("script", { src: root.dataset.uiScript }).then(function () {
    return loadIndexes().then(start);
  }, unavailable);
})();
