// MagBot's web chat page: reads the public configuration, gets a Direct Line token from the service (which keeps
// any secret to itself), and renders Bot Framework Web Chat with the clinic's branding.
// A file, not an inline script, so the page runs under a strict Content-Security-Policy.
//
// The chat survives a reload and a short network drop: the conversation id and its token are kept in sessionStorage
// (gone when the tab closes), the token is refreshed halfway through its life, and a reloaded page reconnects to the
// same conversation without a watermark, so Direct Line sends the history and Web Chat shows it. A new chat starts
// when the token has expired, when Direct Line no longer knows the conversation, or when the person asks for one.
(function () {
  'use strict';

  var SESSION_KEY = 'magbot.chat';
  // A stored token this close to its expiry is not worth resuming with: its first request could fail.
  var EXPIRY_MARGIN_MS = 15 * 1000;
  // botframework-directlinejs ConnectionStatus values.
  var ONLINE = 2, EXPIRED_TOKEN = 3, FAILED_TO_CONNECT = 4;
  var MAX_RECONNECTS = 5;

  var status = document.getElementById('chat-status');
  var config = null;
  var current = null; // the chat on screen: { directLine, session, resumed, online, subscription, refreshTimer, reconnects }

  function setStatus(text) {
    status.textContent = text;
  }

  async function fetchJson(url, method) {
    var response = await fetch(url, { method: method || 'GET', credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(url + ' answered ' + response.status);
    return response.json();
  }

  // --- The stored session -------------------------------------------------------------------------------------------

  function readSession() {
    try {
      var stored = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
      if (stored && stored.mode === config.mode && stored.conversationId && stored.token && stored.expiresAt - Date.now() > EXPIRY_MARGIN_MS) return stored;
    } catch (e) {
      // Unreadable (or storage is off): start a new chat.
    }
    clearSession();
    return null;
  }

  function saveSession(session) {
    try {
      sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    } catch (e) {
      // Storage is off (private mode, a full quota): the chat still works; a reload starts a new one.
    }
  }

  function clearSession() {
    try {
      sessionStorage.removeItem(SESSION_KEY);
    } catch (e) {
      // Nothing stored to clear.
    }
  }

  /** A session from a Direct Line token answer ({ conversationId, token, expires_in, userId? }). */
  function sessionFrom(token, previous) {
    return {
      mode: config.mode,
      conversationId: token.conversationId,
      token: token.token,
      userId: token.userId || (previous && previous.userId),
      expiresAt: Date.now() + token.expires_in * 1000,
      joined: !!(previous && previous.joined)
    };
  }

  // --- Token refresh ------------------------------------------------------------------------------------------------

  function scheduleRefresh(chat, delay) {
    clearTimeout(chat.refreshTimer);
    // Halfway through the token's life, as Direct Line's own client does for its 30-minute tokens.
    var wait = delay !== undefined ? delay : Math.max(5000, (chat.session.expiresAt - Date.now()) / 2);
    chat.refreshTimer = setTimeout(function () { refreshToken(chat); }, wait);
  }

  async function refreshToken(chat) {
    if (chat !== current) return;
    try {
      var response = await fetch(config.refreshUrl, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json', Authorization: 'Bearer ' + chat.session.token }
      });
      if (response.status === 403) {
        // The token or its conversation is gone: this chat ends with the page; a reload starts a new one.
        clearSession();
        return;
      }
      if (!response.ok) throw new Error('refresh answered ' + response.status);
      var token = await response.json();
      if (chat !== current) return;
      chat.session = sessionFrom(token, chat.session);
      saveSession(chat.session);
      // Direct Line's client uses the new token from now on (reconnect keeps its current stream).
      chat.directLine.reconnect({ token: token.token, streamUrl: chat.directLine.streamUrl });
      scheduleRefresh(chat);
    } catch (e) {
      // The network is down or the service busy: try again soon, while the token still lives.
      if (chat === current && chat.session.expiresAt - Date.now() > EXPIRY_MARGIN_MS) scheduleRefresh(chat, 10 * 1000);
    }
  }

  // --- Connecting ---------------------------------------------------------------------------------------------------

  function applyBranding(clinic) {
    document.documentElement.style.setProperty('--accent', clinic.accentColor);
    document.getElementById('clinic-avatar').textContent = clinic.avatarInitials;
    if (clinic.name) {
      document.getElementById('clinic-name').textContent = clinic.name;
      document.title = clinic.name + ' · MagBot';
    }
    var emergency = document.getElementById('emergency-link');
    emergency.textContent = clinic.emergencyNumber;
    emergency.href = 'tel:' + clinic.emergencyNumber.replace(/[^0-9+]/g, '');

    // Contact details as text and links built through the DOM: nothing from configuration becomes HTML.
    var list = document.getElementById('clinic-contact-list');
    function add(label, value, href) {
      if (!value) return;
      var item = document.createElement('li');
      item.append(label + ': ');
      if (href) {
        var link = document.createElement('a');
        link.href = href;
        link.textContent = value;
        if (href.indexOf('http') === 0) link.rel = 'noopener';
        item.append(link);
      } else {
        item.append(value);
      }
      list.append(item);
    }
    add('Phone', clinic.phone, clinic.phone && 'tel:' + clinic.phone.replace(/[^0-9+]/g, ''));
    add('Email', clinic.email, clinic.email && 'mailto:' + clinic.email);
    add('Book an appointment', clinic.bookingUrl && clinic.bookingUrl.indexOf('https://') === 0 ? clinic.bookingUrl : null, clinic.bookingUrl);
    add('Address', clinic.address, null);
    document.getElementById('clinic-contact').hidden = list.children.length === 0;
  }

  function styleOptions(clinic) {
    return {
      accent: clinic.accentColor,
      botAvatarInitials: clinic.avatarInitials,
      userAvatarInitials: 'You',
      hideUploadButton: true,
      suggestedActionLayout: 'flow',
      bubbleBorderRadius: 8,
      bubbleFromUserBorderRadius: 8,
      bubbleFromUserBackground: '#e8f1ee',
      sendBoxButtonColor: clinic.accentColor,
      primaryFont: getComputedStyle(document.documentElement).fontFamily
    };
  }

  // Web Chat's documented way to greet: after Direct Line connects, send the "webchat/join" event; the bot answers
  // it with the welcome (once per conversation). A resumed chat has joined already and does not send it again.
  function chatMiddleware(chat) {
    return function (store) {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && chat === current && !chat.session.joined) {
            chat.session.joined = true;
            saveSession(chat.session);
            store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { language: navigator.language } } });
          }
          if (action.type === 'DIRECT_LINE/POST_ACTIVITY_REJECTED') reconnectSoon(chat);
          return next(action);
        };
      };
    };
  }

  // Web Chat shows a message's status line (its timestamp and, for a sourced answer, the like/dislike thumbs) only under
  // the last message of a status group, and groups a whole turn. A rateable answer closes its group here, so each
  // sourced answer keeps its own thumbs (BasicTranscript hides the status of all but the last of a group).
  function rateableAnswersEndStatusGroups() {
    return function () {
      return function (next) {
        return function (args) {
          var groups = next(args);
          var status = [];
          (groups.status || []).forEach(function (group) {
            var current = [];
            group.forEach(function (activity) {
              current.push(activity);
              if (isRateable(activity)) { status.push(current); current = []; }
            });
            if (current.length) status.push(current);
          });
          return Object.assign({}, groups, { status: status });
        };
      };
    };
  }

  function isRateable(activity) {
    return (activity.entities || []).some(function (e) {
      return e && e['@id'] === '' && Array.isArray(e.potentialAction) && e.potentialAction.length > 0;
    });
  }

  /** A new element for Web Chat each time, so a resumed or new chat never mixes with the one it replaces. */
  function freshContainer() {
    var old = document.getElementById('webchat');
    var container = old.cloneNode(false);
    old.replaceWith(container);
    return container;
  }

  function connect(session, resumed) {
    var options = { token: session.token };
    // With a conversation id Direct Line's client reconnects (GET /conversations/{id}) instead of starting one; with no
    // watermark, the conversation's history comes back and Web Chat shows it.
    if (resumed) options.conversationId = session.conversationId;
    if (config.mode === 'embedded') {
      // The service's own Direct Line endpoint answers polling only (no WebSocket stream).
      options.domain = config.directLineDomain;
      options.webSocket = false;
      options.pollingInterval = 500;
    }
    var directLine = window.WebChat.createDirectLine(options);
    var chat = { directLine: directLine, session: session, resumed: resumed, online: false, reconnects: current ? current.reconnects : 0 };
    current = chat;
    chat.subscription = directLine.connectionStatus$.subscribe(function (value) { onConnectionStatus(chat, value); });
    window.WebChat.renderWebChat({
      directLine: directLine,
      store: window.WebChat.createStore({}, chatMiddleware(chat)),
      userID: session.userId,
      username: 'You',
      locale: 'en-US',
      groupActivitiesMiddleware: rateableAnswersEndStatusGroups(),
      styleOptions: styleOptions(config.clinic)
    }, freshContainer());
    scheduleRefresh(chat);
  }

  function onConnectionStatus(chat, value) {
    if (chat !== current) return;
    if (value === ONLINE) {
      chat.online = true;
      chat.reconnects = 0;
      if (status.dataset.notice !== 'keep') setStatus('');
      return;
    }
    if (value !== FAILED_TO_CONNECT && !(value === EXPIRED_TOKEN && !chat.online)) return;
    if (chat.resumed && !chat.online) {
      // The stored conversation cannot be reopened (expired, or the service forgot it): begin again.
      startNewChat('Your earlier chat could not be reopened, so a new one has started.').catch(showFailure);
    } else {
      reconnectSoon(chat);
    }
  }

  function endChat(chat) {
    if (!chat) return;
    clearTimeout(chat.refreshTimer);
    clearTimeout(chat.reconnectTimer);
    if (chat.subscription) chat.subscription.unsubscribe();
    try {
      chat.directLine.end();
    } catch (e) {
      // Already ended.
    }
  }

  /** After a network drop: the same conversation on a new connection, with its history, once the network is back. */
  function reconnectSoon(chat) {
    if (chat !== current || chat.reconnectTimer) return;
    if (chat.reconnects >= MAX_RECONNECTS) {
      setStatus('The chat lost its connection. Please reload the page to continue.');
      return;
    }
    chat.reconnectTimer = setTimeout(function () {
      chat.reconnectTimer = null;
      if (chat !== current) return;
      if (!navigator.onLine) return; // the "online" event reconnects
      resume();
    }, 1000 * Math.pow(2, chat.reconnects));
  }

  function resume() {
    var chat = current;
    var session = readSession();
    endChat(chat);
    if (!session) {
      startNewChat('Your earlier chat has expired, so a new one has started.').catch(showFailure);
      return;
    }
    if (chat) chat.reconnects++;
    connect(session, true);
  }

  async function startNewChat(notice) {
    endChat(current);
    current = null;
    clearSession();
    setStatus(notice || 'Connecting to the chat…');
    status.dataset.notice = notice ? 'keep' : '';
    var session = sessionFrom(await fetchJson(config.tokenUrl, 'POST'));
    saveSession(session);
    connect(session, false);
  }

  async function start() {
    if (!window.WebChat) throw new Error('Web Chat did not load (lib/webchat.js)');
    config = await fetchJson('api/webchat/config');
    applyBranding(config.clinic);

    document.getElementById('new-chat').addEventListener('click', function () {
      startNewChat().catch(showFailure);
    });
    // Polling stops for good when a request fails without an answer (Direct Line's client gives up on it): when the
    // browser is back online, reconnect to the same conversation.
    // (Azure's WebSocket stream reconnects by itself.)
    window.addEventListener('online', function () {
      if (current && config.mode === 'embedded') resume();
    });

    var session = readSession();
    if (session) connect(session, true);
    else await startNewChat();
    setStatus('');
  }

  function showFailure(error) {
    // The emergency line stays on screen whatever failed.
    setStatus('The chat could not start. Please reload the page in a minute. (' + error.message + ')');
  }

  start().catch(showFailure);
})();
