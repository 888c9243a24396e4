/* Marks, in the list of questions, the question being read (aria-current="location"), and keeps
 * that entry in view when the list is a column of its own beside the text.
 *
 * Progressive enhancement: without it the list is a plain list of links. Loaded as a file. */
(function () {
  "use strict";

  var nav = document.querySelector("nav.contents");
  if (!nav || !("IntersectionObserver" in window)) {
    return;
  }
  var links = {};
  Array.prototype.forEach.call(nav.querySelectorAll("a[href*='#']"), function (a) {
    links[decodeURIComponent(a.hash.slice(1))] = a;
  });
  // Each question, and each section's heading for the stretches outside any question.
  var places = [];
  var idOf = new Map();
  Object.keys(links).forEach(function (id) {
    var el = document.getElementById(id);
    if (el) {
      var place = el.closest("section") || el;
      places.push(place);
      idOf.set(place, id);
    }
  });
  if (!places.length) {
    return;
  }
  var marked = null;
  var visible = new Set();

  function mark() {
    var pool = places.filter(function (el) { return visible.has(el); });
    var questions = pool.filter(function (el) { return el.classList.contains("exchange"); });
    if (questions.length) {
      pool = questions;
    }
    if (!pool.length) {
      return;
    }
    // The last of them to start above the upper third of the window (they are in page order).
    var best = pool[0];
    pool.forEach(function (el) {
      if (el.getBoundingClientRect().top <= window.innerHeight / 3) {
        best = el;
      }
    });
    var link = links[idOf.get(best)];
    if (!link || link === marked) {
      return;
    }
    if (marked) {
      marked.removeAttribute("aria-current");
    }
    marked = link;
    link.setAttribute("aria-current", "location");
    if (window.getComputedStyle(nav).position === "sticky") {
      var top = link.offsetTop;
      if (top < nav.scrollTop || top > nav.scrollTop + nav.clientHeight - link.offsetHeight) {
        nav.scrollTop = top - nav.clientHeight / 3;
      }
    }
  }

  // A place counts as "being read" while it crosses the upper third of the window.
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (e.isIntersecting) {
        visible.add(e.target);
      } else {
        visible.delete(e.target);
      }
    });
    mark();
  }, { rootMargin: "0px 0px -66% 0px" });
  places.forEach(function (el) {
    observer.observe(el);
  });
})();

/* On a phone, "Questions ↑" floats over the text and covers the end of a line. It steps aside
 * while the reader scrolls down (reading on) and comes back when they scroll up (looking for a
 * way back), or when it has the keyboard focus. Without this script it simply stays. */
(function () {
  "use strict";

  var back = document.querySelector(".to-contents");
  if (!back) {
    return;
  }
  var last = window.scrollY;
  var due = false;
  window.addEventListener("scroll", function () {
    if (due) {
      return;
    }
    due = true;
    window.requestAnimationFrame(function () {
      due = false;
      var now = window.scrollY;
      if (Math.abs(now - last) < 8) {
        return;  // a jitter of the finger, not a direction
      }
      back.classList.toggle("to-contents--away", now > last);
      last = now;
    });
  }, { passive: true });
})();
