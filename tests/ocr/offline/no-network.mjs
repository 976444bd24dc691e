// Preload for the offline OCR test: any attempt to reach the network throws. Worker threads
// inherit it through execArgv, so tesseract.js' workers are covered too.
import dns from 'node:dns';
import net from 'node:net';

const refuse = (what) => {
  throw new Error(`network access attempted in offline test: ${what}`);
};
net.Socket.prototype.connect = function connect() {
  refuse('net.Socket.connect');
};
dns.lookup = (host) => refuse(`dns.lookup ${host}`);
dns.promises.lookup = async (host) => refuse(`dns.promises.lookup ${host}`);
globalThis.fetch = async (url) => refuse(`fetch ${String(url)}`);
