// Preloaded into Electronegativity's process by the scan test: its `got` (translations and
// Electron's release list, fetched from the network) fails at once, so the scan never reaches
// out of this machine. Everything it checks is local.
const Module = process.getBuiltinModule('node:module');
const load = Module._load;
const offline = () => Promise.reject(new Error('offline: the security scan makes no network requests'));
offline.head = offline;
offline.get = offline;
Module._load = function (request, ...rest) {
  if (request === 'got') return Object.assign(offline, { default: offline });
  return load.call(this, request, ...rest);
};
