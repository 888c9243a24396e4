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

  // Each hit's link carries the words searched for; the page it leads to marks them
  // (search-landing.js, with Pagefind's pagefind-highlight.js).
  var HIGHLIGHT_PARAM = "pagefind-highlight";
  // Pagefind ranks each shard on its own, and a shard that lacks a word searched for answers
  // with the longest prefix of it that it has ("search" for "searchable"). Weighing how close
  // a matched word's length is to the word searched for puts the shards' exact hits first.
  var RANKING = { termSimilarity: 5 };
  // The UI's own excerpt length with sub-results shown, which it sets on the first shard only.
  var EXCERPT_WORDS = 12;

  // The index comes in shards (one Pagefind bundle per group of calls, listed in shards.json):
  // the first is the UI's own, the others are merged into it, so a search and its filters span
  // every call. A merged shard takes none of the UI's options: each is given its own. A bundle
  // without the list is a single index, as Pagefind writes it.
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
            return {
              bundlePath: bundle + shard,
              baseUrl: root.dataset.baseUrl,
              highlightParam: HIGHLIGHT_PARAM,
              ranking: RANKING,
              excerptLength: EXCERPT_WORDS,
            };
          }),
        };
      })
      .catch(function () {
        return single;
      });
  }


  // ---- Result display -------------------------------------------------------------------
  // Pagefind titles a hit inside a call with the heading it falls under: a turn's heading is
  // the speaker with their job title, the same for every turn they spoke. The hit is retitled
  // "Question 3 · Elon Musk": the question it belongs to (the last question heading before it,
  // unless a heading of the same or a higher level closes that question first) and the
  // speaker's name alone (the call's speaker filter lists the names as written).
  var QUESTION_ID = /^q0*(\d+)$/;
  var HEADING = /^h([1-6])$/;

  function headingLevel(anchor) {
    var found = HEADING.exec(anchor.element || "");
    return found ? Number(found[1]) : 0;
  }

  function questionBefore(anchors, hit) {
    var question = null;
    anchors.forEach(function (anchor) {
      var level = headingLevel(anchor);
      if (!level || anchor.location >= hit.location || anchor.id === hit.id) {
        return;
      }
      if (QUESTION_ID.test(anchor.id)) {
        question = anchor;
      } else if (question && level <= headingLevel(question)) {
        question = null;
      }
    });
    return question;
  }

  function speakerIn(title, names) {
    var best = "";
    names.forEach(function (name) {
      if (name.length > best.length && title.indexOf(name) === 0) {
        best = name;
      }
    });
    return best || title;
  }

  function retitle(result) {
    var anchors = (result.anchors || []).slice().sort(function (a, b) {
      return a.location - b.location;
    });
    var names = (result.filters && result.filters.speaker) || [];
    (result.sub_results || []).forEach(function (sub) {
      var anchor = sub.anchor;
      if (!anchor || !headingLevel(anchor)) {
        return;
      }
      var own = QUESTION_ID.exec(anchor.id);
      if (own) {
        var label = "Question " + own[1];
        var asker = sub.title.indexOf(label) === 0 ? sub.title.slice(label.length).trim() : "";
        sub.title = asker ? label + " · " + asker : label;
        return;
      }
      var question = questionBefore(anchors, anchor);
      var speaker = speakerIn(sub.title, names);
      sub.title = question
        ? "Question " + QUESTION_ID.exec(question.id)[1] + " · " + speaker
        : speaker;
    });
    return result;
  }

  // Five filter groups would push the hits far down: they wait behind one "Filters" button.
  function collapseFilters() {
    function addToggle() {
      var panel = mount.querySelector(".pagefind-ui__filter-panel");
      if (!panel || panel.querySelector(".search__filters-toggle")) {
        return;
      }
      var toggle = document.createElement("button");
      toggle.type = "button";
      toggle.className = "search__filters-toggle";
      toggle.textContent = "Filters";
      toggle.setAttribute("aria-expanded", String(mount.classList.contains("search__ui--filters")));
      toggle.addEventListener("click", function () {
        var open = mount.classList.toggle("search__ui--filters");
        toggle.setAttribute("aria-expanded", String(open));
      });
      var legend = panel.querySelector("legend");
      panel.insertBefore(toggle, legend ? legend.nextSibling : panel.firstChild);
    }
    // The UI draws its filter panel once the index has loaded, and may draw it again.
    new MutationObserver(addToggle).observe(mount, { childList: true, subtree: true });
    addToggle();
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
      processResult: retitle,
      highlightParam: HIGHLIGHT_PARAM,
      ranking: RANKING,
      excerptLength: EXCERPT_WORDS,
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
    collapseFilters();
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
