'use strict';
/*
 * Preloaded (node --require) into Lambda's own runtime interface client, aws-lambda-ric, whose
 * index.mjs is run unchanged. Its one native part, rapid-client.node (curl, built by an install script
 * that compiles C++), is stood in for by this file: the same three calls, over Node's http to the
 * Runtime API at AWS_LAMBDA_RUNTIME_API (a loopback server in the test). Everything else, handler
 * loading, the Node 24 callback-handler check, the context and the invoke loop, is aws-lambda-ric's.
 */
const Module = require('node:module');
const http = require('node:http');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === './rapid-client.node') return __filename;
  return resolve.call(this, request, parent, ...rest);
};

const [hostname, port] = (process.env.AWS_LAMBDA_RUNTIME_API || '').split(':');

function post(path, body, headers) {
  const request = http.request({ hostname, port: Number(port), path, method: 'POST', headers });
  request.on('error', () => undefined);
  request.end(body);
}

function next() {
  return new Promise((done, fail) => {
    http
      .get({ hostname, port: Number(port), path: '/2018-06-01/runtime/invocation/next' }, (response) => {
        let bodyJson = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (bodyJson += chunk));
        response.on('end', () => done({ bodyJson, headers: response.headers }));
      })
      .on('error', fail);
  });
}

module.exports = {
  next,
  done: (id, body) => post(`/2018-06-01/runtime/invocation/${id}/response`, body, {}),
  error: (id, body, xray) =>
    post(`/2018-06-01/runtime/invocation/${id}/error`, body, {
      'Lambda-Runtime-Function-XRay-Error-Cause': xray,
    }),
};
