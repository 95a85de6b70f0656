// Embeds MagBot's chat on a clinic's site with one tag:
//   <script src="https://YOUR-MAGBOT-HOST/embed.js" async></script>
// It adds a "Chat with us" button that opens the chat page of the same host in a frame, so the clinic's page
// needs no Web Chat, no token handling and no CORS set-up. Styles are set through the DOM (no inline <style>).
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) return;
  var origin = new URL(script.src).origin;
  var label = script.getAttribute('data-label') || 'Chat about magnesium';

  var button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'magbot-chat-frame');
  Object.assign(button.style, {
    position: 'fixed', right: '1rem', bottom: '1rem', zIndex: '2147483000', padding: '0.75rem 1rem',
    border: '0', borderRadius: '1.5rem', background: script.getAttribute('data-accent') || '#0b6e4f',
    color: '#fff', font: '600 1rem system-ui, sans-serif', cursor: 'pointer', boxShadow: '0 2px 8px rgba(0,0,0,.3)'
  });

  var frame = document.createElement('iframe');
  frame.id = 'magbot-chat-frame';
  frame.title = 'MagBot chat';
  frame.src = origin + '/';
  frame.hidden = true;
  Object.assign(frame.style, {
    position: 'fixed', right: '1rem', bottom: '4.5rem', zIndex: '2147483000', width: 'min(400px, calc(100vw - 2rem))',
    height: 'min(600px, calc(100vh - 6rem))', border: '1px solid #ccc', borderRadius: '0.5rem', background: '#fff'
  });

  button.addEventListener('click', function () {
    frame.hidden = !frame.hidden;
    button.setAttribute('aria-expanded', String(!frame.hidden));
    if (!frame.hidden) frame.focus();
  });
  document.body.append(frame, button);
})();
