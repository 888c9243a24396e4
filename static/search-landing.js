/* The page a search hit leads to: marks the words searched for and brings the question into view.

   A hit's link carries the words (?pagefind-highlight=banana&pagefind-highlight=leaf, written
   by the search page) and the anchor of the turn that matched. Pagefind's own
   pagefind-highlight.js marks the words inside the indexed text, leaving out what the index
   leaves out; then the page is scrolled so the reader sees the first marked word and, above
   it, as much of its question as fits: the question's heading, else the asker's turn this
   answer follows, else the turn's own heading.
   Without the words in the address (an ordinary visit) this script does nothing. */
(function () {
  "use strict";

  var PARAM = "pagefind-highlight";
  var QUESTION_ID = /^q\d+$/;
  var MARGIN = 16;
  var script = document.currentScript;

  function terms() {
    return new URLSearchParams(window.location.search).getAll(PARAM).filter(Boolean);
  }

  function target() {
    var id = window.location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch (e) {
      return null;
    }
    return id ? document.getElementById(id) : null;
  }

  // The heading of the question the landed-on turn belongs to: the question heading first in
  // the nearest section around the turn, if it comes before the turn.
  function questionOf(element) {
    var section = element.closest("section, article");
    while (section) {
      var heading = section.querySelector("h2[id], h3[id], h4[id]");
      if (heading && QUESTION_ID.test(heading.id)) {
        var before = heading.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING;
        return before || heading === element ? heading : null;
      }
      section = section.parentElement && section.parentElement.closest("section, article");
    }
    return null;
  }

  function firstMarkFrom(element) {
    var marks = document.querySelectorAll("mark." + PARAM);
    for (var i = 0; i < marks.length; i += 1) {
      if (
        marks[i] === element ||
        element.contains(marks[i]) ||
        element.compareDocumentPosition(marks[i]) & Node.DOCUMENT_POSITION_FOLLOWING
      ) {
        return marks[i];
      }
    }
    return null;
  }

  function pageTop(element) {
    return element.getBoundingClientRect().top + window.scrollY;
  }

  function scrollTo(y) {
    window.scrollTo({ top: Math.max(0, y), behavior: "instant" });
  }

  // The asker's turn just before the landed-on one: the question this answer answers, in an
  // exchange too long to show from its heading (the transcript page marks it turn--question).
  function askedBefore(landed) {
    var turn = landed.closest(".turn") || landed;
    for (var at = turn.previousElementSibling; at; at = at.previousElementSibling) {
      if (at.classList.contains("turn--question")) {
        return at;
      }
    }
    return null;
  }

  function bringIntoView() {
    var landed = target();
    if (!landed) {
      return;
    }
    var mark = firstMarkFrom(landed);
    var end = mark ? mark.getBoundingClientRect().bottom + window.scrollY : pageTop(landed);
    var room = window.innerHeight - 2 * MARGIN;
    // The widest view that still shows the first marked word: from the question's heading,
    // else from the question being answered, else from the turn itself.
    var starts = [questionOf(landed), askedBefore(landed), landed];
    for (var i = 0; i < starts.length; i += 1) {
      if (starts[i] && end - pageTop(starts[i]) <= room) {
        scrollTo(pageTop(starts[i]) - MARGIN);
        return;
      }
    }
    if (mark) {
      scrollTo(pageTop(mark) - window.innerHeight / 3);
    }
  }

  // Pagefind matches "reservation" for "reservations"; the marker looks for the words as typed,
  // so each word is also looked for without a plain English ending.
  function stems(words) {
    return words
      .map(function (word) {
        return word.replace(/(?:ies|es|s|ing|ed)$/i, "");
      })
      .filter(function (stem, i) {
        return stem.length >= 3 && stem !== words[i];
      });
  }

  function highlight(module) {
    var Highlight = (module && module.default) || window.PagefindHighlight;
    // Its own <style> element would be refused by the site's Content-Security-Policy; the
    // stylesheet styles mark.pagefind-highlight instead.
    var marker = new Highlight({
      highlightParam: PARAM,
      addStyles: false,
      markOptions: {
        className: PARAM,
        exclude: ["[data-pagefind-ignore]", "[data-pagefind-ignore] *"],
      },
    });
    var more = stems(terms());
    if (more.length) {
      marker.markText(marker.createMarkInstance(), more);
    }
    // After the browser's own jump to the anchor, which happens once the page has loaded.
    if (document.readyState === "complete") {
      window.requestAnimationFrame(bringIntoView);
    } else {
      window.addEventListener("load", function () {
        window.requestAnimationFrame(bringIntoView);
      });
    }
  }

  if (!terms().length || !script) {
    return;
  }
  // The search bundle sits beside static/ under the site's base path (site_builder/urls.py).
  var bundle = new URL("../pagefind/pagefind-highlight.js", script.src).href;
  import(bundle).then(highlight, function () {
    // A build without search has no bundle: the page still lands on the turn.
  });
})();
