// MagBot's web chat page: reads the public configuration, gets a Direct Line token from the service (which keeps
// any secret to itself), and renders Bot Framework Web Chat with the clinic's branding.
// A file, not an inline script, so the page runs under a strict Content-Security-Policy.
(function () {
  'use strict';

  var status = document.getElementById('chat-status');

  function setStatus(text) {
    status.textContent = text;
  }

  async function fetchJson(url, method) {
    var response = await fetch(url, { method: method || 'GET', credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(url + ' answered ' + response.status);
    return response.json();
  }

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

  // Web Chat's documented way to greet: after Direct Line connects, send the "webchat/join" event;
  // the bot answers it with the welcome (once per conversation, however often the page reconnects).
  function joinMiddleware() {
    var joined = false;
    return function (store) {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && !joined) {
            joined = true;
            store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { language: navigator.language } } });
          }
          return next(action);
        };
      };
    };
  }

  async function start() {
    if (!window.WebChat) throw new Error('Web Chat did not load (lib/webchat.js)');
    var config = await fetchJson('api/webchat/config');
    applyBranding(config.clinic);
    var token = await fetchJson(config.tokenUrl, 'POST');

    var directLine = config.mode === 'embedded'
      // The service's own Direct Line endpoint answers polling only (no WebSocket stream).
      ? window.WebChat.createDirectLine({ token: token.token, domain: config.directLineDomain, webSocket: false, pollingInterval: 500 })
      : window.WebChat.createDirectLine({ token: token.token });

    window.WebChat.renderWebChat({
      directLine: directLine,
      store: window.WebChat.createStore({}, joinMiddleware()),
      userID: token.userId,
      username: 'You',
      locale: 'en-US',
      styleOptions: styleOptions(config.clinic)
    }, document.getElementById('webchat'));
    setStatus('');
  }

  start().catch(function (error) {
    // The emergency line stays on screen whatever failed.
    setStatus('The chat could not start. Please reload the page in a minute. (' + error.message + ')');
  });
})();
