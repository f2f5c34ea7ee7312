// Demo portal: shows an article, sends a page view for every article opened, and renders the
// "You Might Like" block from the api. Uses only the public endpoints, as a real portal would.
(function () {
  'use strict';

  var REASONS = {
    'read-together': 'Readers also read',
    'similar-readers': 'For you',
    'similar-content': 'Similar story',
    'trending': 'Trending',
    'popular': 'Popular',
    'latest': 'New'
  };

  var $ = function (id) { return document.getElementById(id); };
  var currentArticleId = null;

  function uuid() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    // crypto.randomUUID needs a secure context; getRandomValues does not.
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function stored(storage, key, prefix) {
    var value = null;
    try { value = storage.getItem(key); } catch (e) { /* storage disabled: a fresh id per page */ }
    if (!value) {
      value = prefix + uuid().replace(/-/g, '').slice(0, 16);
      try { storage.setItem(key, value); } catch (e) { /* ignore */ }
    }
    return value;
  }

  var readerId = stored(window.localStorage, 'eplly.readerId', 'r-');
  var sessionId = stored(window.sessionStorage, 'eplly.sessionId', 's-');

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      if (k === 'text') { node.textContent = props[k]; } else { node.setAttribute(k, props[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }

  function showError(message) { $('error').textContent = message || ''; }

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (body) {
        if (!res.ok) { throw new Error(body.error || ('HTTP ' + res.status)); }
        return body;
      });
    });
  }

  function articleLink(id, text, referrer) {
    var a = el('a', { href: '?articleId=' + encodeURIComponent(id), text: text });
    a.addEventListener('click', function (event) {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) { return; }
      event.preventDefault();
      history.pushState({ articleId: id }, '', '?articleId=' + encodeURIComponent(id));
      open(id, referrer);
      window.scrollTo({ top: 0, behavior: 'smooth' });
    });
    return a;
  }

  function renderArticle(a) {
    var story = $('story');
    story.replaceChildren();
    document.title = a.title + ' — Eplly News';
    story.appendChild(el('span', { 'class': 'category', text: a.category }));
    story.appendChild(el('h1', { text: a.title }));
    story.appendChild(el('div', { 'class': 'meta', text: new Date(a.publishedAt).toLocaleString() }));
    if (a.hidden) {
      story.appendChild(el('p', { 'class': 'notice', text: 'This article was withdrawn by the newsroom.' }));
    }
    story.appendChild(el('p', { 'class': 'summary', text: a.summary || 'No summary available.' }));
    if (a.tags && a.tags.length) {
      story.appendChild(el('ul', { 'class': 'tags' }, a.tags.map(function (t) { return el('li', { text: t }); })));
    }
  }

  function renderSuggestions(body, forArticle) {
    var list = $('suggestions');
    list.replaceChildren();
    body.items.forEach(function (item) {
      list.appendChild(el('li', {}, [
        articleLink(item.articleId, item.title, forArticle),
        el('span', { 'class': 'pill ' + item.reason, text: REASONS[item.reason] || item.reason })
      ]));
    });
    $('suggestions-empty').hidden = body.items.length > 0;
    $('model').textContent = body.modelVersion ? 'model ' + body.modelVersion : 'no model published';
    $('degraded').hidden = !body.degraded;
  }

  function renderLatest(items) {
    $('latest').replaceChildren.apply($('latest'), items.slice(0, 8).map(function (a) {
      return el('li', {}, [articleLink(a.articleId, a.title, null)]);
    }));
  }

  function sendPageView(articleId, referrerArticleId) {
    var view = {
      eventId: uuid(), readerId: readerId, articleId: articleId, sessionId: sessionId,
      timestamp: Date.now()
    };
    if (referrerArticleId) { view.referrerArticleId = referrerArticleId; }
    return fetch('v1/events', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(view)
    }).then(function (res) {
      if (!res.ok) {
        return res.json().catch(function () { return {}; }).then(function (b) {
          showError('page view not recorded: ' + (b.error || res.status));
        });
      }
    }).catch(function () { showError('page view not recorded: the api is unreachable'); });
  }

  function loadSuggestions(articleId) {
    var q = '?articleId=' + encodeURIComponent(articleId) + '&readerId=' + encodeURIComponent(readerId)
      + '&sessionId=' + encodeURIComponent(sessionId) + '&limit=6';
    return getJson('v1/recommendations' + q)
      .then(function (body) { renderSuggestions(body, articleId); })
      .catch(function (e) { showError('suggestions: ' + e.message); });
  }

  function open(articleId, referrerArticleId) {
    currentArticleId = articleId;
    showError('');
    getJson('v1/articles/' + encodeURIComponent(articleId))
      .then(renderArticle)
      .catch(function (e) {
        $('story').replaceChildren(el('p', { 'class': 'notice', text: 'Cannot show ' + articleId + ': ' + e.message }));
      });
    // Record the read first, so the suggestions can already leave this article out of the session.
    sendPageView(articleId, referrerArticleId).then(function () {
      if (currentArticleId === articleId) { loadSuggestions(articleId); }
    });
  }

  window.addEventListener('popstate', function () {
    var id = new URLSearchParams(location.search).get('articleId');
    if (id) { open(id, null); }
  });

  $('reader').textContent = 'reader ' + readerId;

  var latest = getJson('v1/articles?limit=12').then(function (body) {
    renderLatest(body.items);
    return body.items;
  }).catch(function (e) { showError('latest: ' + e.message); return []; });

  var requested = new URLSearchParams(location.search).get('articleId');
  if (requested) {
    open(requested, null);
  } else {
    latest.then(function (items) {
      if (items.length) {
        history.replaceState({ articleId: items[0].articleId }, '', '?articleId=' + encodeURIComponent(items[0].articleId));
        open(items[0].articleId, null);
      } else {
        $('story').replaceChildren(el('p', { 'class': 'muted', text: 'No articles in the catalog yet.' }));
      }
    });
  }
}());
