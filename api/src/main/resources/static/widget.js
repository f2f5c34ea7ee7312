/*
 * Eplly "You Might Like" widget: a self-contained script a portal embeds next to an article.
 *
 *   <div data-eplly-article="ARTICLE_ID"></div>
 *   <script src="https://API/widget.js" data-api="https://API/"></script>
 *
 * It renders the block from GET {api}v1/recommendations and reports, once per answer (requestId), a
 * viewable impression when at least half of the block has been on screen for one continuous second
 * (the IAB/MRC display standard; POST {api}v1/impressions), and a click on a suggestion as the page
 * view of the clicked article with referrerArticleId, the answer's requestId and the item's 1-based
 * position (POST {api}v1/events, a fresh UUID eventId each), so click-through per answer, arm and
 * position can be measured. A click on a block not yet reported viewable reports it first: a
 * clicked block was seen, and clicks must never outnumber viewable impressions. The reader id lives
 * in localStorage, the session id in sessionStorage. Optional attributes on the container:
 *   data-eplly-limit="6"              items wanted
 *   data-eplly-title="You Might Like" heading
 *   data-eplly-href="/news/{id}"      link template ({id} = article id); default: the article's url
 *   data-eplly-manual                 do not render on load; the page calls Eplly.mount(el)
 * Events dispatched on the container: "eplly:rendered" (detail = the api answer) and the
 * cancelable "eplly:click" (detail = {articleId, referrerArticleId, requestId, position, href, recorded: Promise});
 * cancelling it keeps the page from navigating (single-page portals open the article themselves).
 */
(function () {
  'use strict';

  if (window.Eplly && window.Eplly.mount) { return; } // embedded twice: keep the first

  var script = document.currentScript;
  var api = (script && script.getAttribute('data-api')) || (script ? new URL('.', script.src).href : '/');
  if (api.charAt(api.length - 1) !== '/') { api += '/'; }

  var REASONS = {
    'read-together': 'Readers also read',
    'similar-readers': 'For you',
    'similar-content': 'Similar story',
    'trending': 'Trending',
    'popular': 'Popular',
    'latest': 'New',
    'editors-pick': "Editors' pick"
  };

  var CSS = '.eplly-ymal{font:inherit;color:inherit}'
    + '.eplly-ymal h2{font-size:.85rem;text-transform:uppercase;letter-spacing:.1em;margin:0 0 .8rem;'
    + 'padding-bottom:.5rem;border-bottom:2px solid currentColor}'
    + '.eplly-ymal ol{list-style:none;margin:0;padding:0}'
    + '.eplly-ymal li{padding:.65rem 0;border-bottom:1px solid #e4e7eb}'
    + '.eplly-ymal li:last-child{border-bottom:0}'
    + '.eplly-ymal a{text-decoration:none;font-weight:600;display:block;color:inherit}'
    + '.eplly-ymal a:hover{color:#c2410c}'
    + '.eplly-ymal .eplly-reason{display:inline-block;font-size:.7rem;font-weight:600;border-radius:999px;'
    + 'padding:.05rem .55rem;margin-top:.3rem;background:#f5f6f8;color:#6b7480}'
    + '.eplly-ymal .eplly-read-together{background:#e8f1ff;color:#1d4ed8}'
    + '.eplly-ymal .eplly-similar-readers{background:#f3e8ff;color:#7e22ce}'
    + '.eplly-ymal .eplly-similar-content{background:#e7f8ef;color:#15803d}'
    + '.eplly-ymal .eplly-trending{background:#fff1e8;color:#c2410c}'
    + '.eplly-ymal .eplly-popular{background:#fef9c3;color:#854d0e}'
    + '.eplly-ymal .eplly-editors-pick{background:#fde8e8;color:#9f1239}'
    + '.eplly-ymal .eplly-empty{color:#6b7480}';

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    // crypto.randomUUID needs a secure context; getRandomValues does not.
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function stored(storageName, key, prefix) {
    var storage = null;
    var value = null;
    try { storage = window[storageName]; value = storage.getItem(key); } catch (e) { /* storage disabled */ }
    if (!value) {
      value = prefix + uuid().replace(/-/g, '').slice(0, 16);
      try { storage.setItem(key, value); } catch (e) { /* a fresh id per page then */ }
    }
    return value;
  }

  var readerId = stored('localStorage', 'eplly.readerId', 'r-');
  var sessionId = stored('sessionStorage', 'eplly.sessionId', 's-');

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text != null) { node.textContent = text; }
    return node;
  }

  function injectStyle() {
    if (document.getElementById('eplly-ymal-style')) { return; }
    var style = el('style');
    style.id = 'eplly-ymal-style';
    style.textContent = CSS;
    document.head.appendChild(style);
  }

  /** Posts one event; text/plain keeps a cross-origin post free of a CORS preflight. */
  function post(path, event) {
    return fetch(api + path, {
      method: 'POST', keepalive: true, headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify(event)
    }).then(function (res) { return res.ok; }, function () { return false; });
  }

  /**
   * Records a page view; a click on a suggestion passes the block's article as referrerArticleId
   * and, when the answer had one, {requestId, position} as attribution.
   */
  function sendPageView(articleId, referrerArticleId, attribution) {
    var view = {
      eventId: uuid(), readerId: readerId, articleId: articleId, sessionId: sessionId, timestamp: Date.now()
    };
    if (referrerArticleId) { view.referrerArticleId = referrerArticleId; }
    if (referrerArticleId && attribution && attribution.requestId) {
      view.requestId = attribution.requestId;
      view.position = attribution.position;
    }
    return post('v1/events', view);
  }

  var VIEWABLE_RATIO = 0.5;
  var VIEWABLE_MS = 1000;

  /** One rendered answer's viewability: reported at most once, by the timer or by a click. */
  function Viewability(body) {
    this.body = body;
    this.reported = !body.requestId; // an answer without an id cannot be attributed
    this.timer = null;
    this.observer = null;
  }

  Viewability.prototype.report = function () {
    if (this.reported) { return; }
    this.reported = true;
    this.stop();
    post('v1/impressions', {
      requestId: this.body.requestId, timestamp: Date.now(), readerId: readerId, sessionId: sessionId,
      articleIds: this.body.items.map(function (item) { return item.articleId; })
    });
  };

  Viewability.prototype.stop = function () {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    if (this.observer) { this.observer.disconnect(); this.observer = null; }
  };

  /** Starts the one-second clock while half the block is on screen; stops it as soon as it is not. */
  Viewability.prototype.watch = function (container) {
    if (this.reported || !window.IntersectionObserver || !this.body.items.length) { return; }
    var self = this;
    this.observer = new IntersectionObserver(function (entries) {
      var entry = entries[entries.length - 1];
      if (entry.isIntersecting && entry.intersectionRatio >= VIEWABLE_RATIO) {
        if (!self.timer) { self.timer = setTimeout(function () { self.report(); }, VIEWABLE_MS); }
      } else if (self.timer) {
        clearTimeout(self.timer);
        self.timer = null;
      }
    }, { threshold: [0, VIEWABLE_RATIO, 1] });
    this.observer.observe(container);
  };

  function hrefFor(container, item) {
    var template = container.getAttribute('data-eplly-href');
    return template ? template.replace('{id}', encodeURIComponent(item.articleId)) : item.url;
  }

  function render(container, articleId, body, seen) {
    var list = el('ol');
    body.items.forEach(function (item, index) {
      var attribution = { requestId: body.requestId, position: index + 1 };
      var li = el('li');
      var a = el('a', null, item.title);
      a.href = hrefFor(container, item);
      a.setAttribute('data-eplly-id', item.articleId);
      a.addEventListener('click', function (event) {
        seen.report(); // before the click: a clicked block was seen
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) {
          sendPageView(item.articleId, articleId, attribution); // opened elsewhere: still a click
          return;
        }
        var recorded = sendPageView(item.articleId, articleId, attribution);
        var click = new CustomEvent('eplly:click', {
          cancelable: true, bubbles: true,
          detail: {
            articleId: item.articleId, referrerArticleId: articleId, requestId: body.requestId,
            position: index + 1, href: a.href, recorded: recorded
          }
        });
        if (!container.dispatchEvent(click)) { event.preventDefault(); }
      });
      li.appendChild(a);
      li.appendChild(el('span', 'eplly-reason eplly-' + item.reason, REASONS[item.reason] || item.reason));
      list.appendChild(li);
    });
    var title = container.getAttribute('data-eplly-title') || 'You Might Like';
    var parts = [el('h2', null, title), list];
    if (!body.items.length) { parts.push(el('p', 'eplly-empty', 'Nothing to suggest yet.')); }
    container.classList.add('eplly-ymal');
    container.replaceChildren.apply(container, parts);
  }

  /** Renders the block for the container's data-eplly-article; resolves with the api answer. */
  function mount(container) {
    injectStyle();
    var articleId = container.getAttribute('data-eplly-article');
    var limit = container.getAttribute('data-eplly-limit') || '6';
    var q = 'limit=' + encodeURIComponent(limit) + '&readerId=' + encodeURIComponent(readerId)
      + '&sessionId=' + encodeURIComponent(sessionId);
    if (articleId) { q += '&articleId=' + encodeURIComponent(articleId); }
    return fetch(api + 'v1/recommendations?' + q, { headers: { Accept: 'application/json' } })
      .then(function (res) {
        return res.json().then(function (body) {
          if (!res.ok) { throw new Error(body.error || ('HTTP ' + res.status)); }
          return body;
        });
      })
      .then(function (body) {
        if (container.epllyViewability) { container.epllyViewability.stop(); } // a block re-rendered in place
        var seen = new Viewability(body);
        container.epllyViewability = seen;
        render(container, articleId, body, seen);
        seen.watch(container);
        container.setAttribute('data-eplly-state', 'rendered');
        if (body.requestId) { container.setAttribute('data-eplly-request-id', body.requestId); }
        container.dispatchEvent(new CustomEvent('eplly:rendered', { bubbles: true, detail: body }));
        return body;
      }, function (e) {
        // a portal page must never break because of the block: leave it empty, say why in the console
        container.setAttribute('data-eplly-state', 'failed');
        if (window.console) { console.warn('eplly widget: ' + e.message); }
        return null;
      });
  }

  function mountAll() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-eplly-article]'), function (c) {
      if (!c.hasAttribute('data-eplly-manual')) { mount(c); }
    });
  }

  window.Eplly = {
    mount: mount, sendPageView: sendPageView, readerId: readerId, sessionId: sessionId, api: api
  };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', mountAll);
  } else {
    mountAll();
  }
}());
