// textual.js opens each download at /download/KEY in a new tab. Here it becomes a download
// link clicked in this tab: under this page's address (which holds the token), and with no
// popup that a popup blocker could stop when the file takes a moment to prepare.
(() => {
  const open = window.open.bind(window);
  window.open = (url, target, features) => {
    const address = new URL(String(url), window.location.href);
    if (address.origin === window.location.origin && address.pathname.startsWith("/download/")) {
      const link = document.createElement("a");
      link.href = new URL(address.pathname.slice(1), window.location.href).href;
      link.download = "";
      document.body.appendChild(link);
      link.click();
      link.remove();
      return null;
    }
    return open(url, target, features);
  };
})();

// The server refuses the socket while another tab holds the session (a page can only learn
// that from a socket closed before it ever opened): show the page that says so, which comes
// back here once that tab is closed.
(() => {
  const Native = window.WebSocket;
  function Socket(url, protocols) {
    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    let opened = false;
    socket.addEventListener("open", () => { opened = true; });
    socket.addEventListener("close", () => { if (!opened) window.location.replace("busy"); });
    return socket;
  }
  Socket.prototype = Native.prototype;
  for (const state of ["CONNECTING", "OPEN", "CLOSING", "CLOSED"]) Socket[state] = Native[state];
  window.WebSocket = Socket;
})();
