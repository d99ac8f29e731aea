import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// builtin:node:fs
var require_node_fs = __commonJS({
  "builtin:node:fs"(exports, module) {
    module.exports = __require("node:fs");
  }
});

// builtin:node:os
var require_node_os = __commonJS({
  "builtin:node:os"(exports, module) {
    module.exports = __require("node:os");
  }
});

// builtin:node:path
var require_node_path = __commonJS({
  "builtin:node:path"(exports, module) {
    module.exports = __require("node:path");
  }
});

// builtin:node:util
var require_node_util = __commonJS({
  "builtin:node:util"(exports, module) {
    module.exports = __require("node:util");
  }
});

// builtin:node:http
var require_node_http = __commonJS({
  "builtin:node:http"(exports, module) {
    module.exports = __require("node:http");
  }
});

// builtin:node:https
var require_node_https = __commonJS({
  "builtin:node:https"(exports, module) {
    module.exports = __require("node:https");
  }
});

// builtin:node:net
var require_node_net = __commonJS({
  "builtin:node:net"(exports, module) {
    module.exports = __require("node:net");
  }
});

// builtin:node:child_process
var require_node_child_process = __commonJS({
  "builtin:node:child_process"(exports, module) {
    module.exports = __require("node:child_process");
  }
});

// builtin:node:crypto
var require_node_crypto = __commonJS({
  "builtin:node:crypto"(exports, module) {
    module.exports = __require("node:crypto");
  }
});

// builtin:node:zlib
var require_node_zlib = __commonJS({
  "builtin:node:zlib"(exports, module) {
    module.exports = __require("node:zlib");
  }
});

// emulator/src/cli.ts
var import_node_fs2 = __toESM(require_node_fs(), 1);
var import_node_os2 = __toESM(require_node_os(), 1);
var import_node_path2 = __toESM(require_node_path(), 1);
var import_node_util = __toESM(require_node_util(), 1);

// emulator/src/index.ts
var import_node_http = __toESM(require_node_http(), 1);
var import_node_https = __toESM(require_node_https(), 1);
var import_node_net = __toESM(require_node_net(), 1);

// emulator/src/certificate.ts
var import_node_child_process = __toESM(require_node_child_process(), 1);
var import_node_fs = __toESM(require_node_fs(), 1);
var import_node_os = __toESM(require_node_os(), 1);
var import_node_path = __toESM(require_node_path(), 1);
function selfSignedCertificate(hostnames = []) {
  const dir = (0, import_node_fs.mkdtempSync)((0, import_node_path.join)((0, import_node_os.tmpdir)(), "tencent-chat-emulator-"));
  try {
    const key = (0, import_node_path.join)(dir, "key.pem");
    const cert = (0, import_node_path.join)(dir, "cert.pem");
    (0, import_node_child_process.execFileSync)(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        key,
        "-out",
        cert,
        "-days",
        "2",
        "-subj",
        "/CN=Tencent Chat emulator",
        "-addext",
        `subjectAltName=${["localhost", ...hostnames].map((name) => `DNS:${name}`).join(",")},IP:127.0.0.1,IP:::1`,
        "-addext",
        "basicConstraints=critical,CA:TRUE"
      ],
      { stdio: ["ignore", "ignore", "pipe"] }
    );
    return { key: (0, import_node_fs.readFileSync)(key, "utf8"), cert: (0, import_node_fs.readFileSync)(cert, "utf8") };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`HTTPS needs the openssl command to make a certificate: ${reason}`);
  } finally {
    (0, import_node_fs.rmSync)(dir, { recursive: true, force: true });
  }
}

// emulator/src/faults.ts
var FaultScript = class {
  queue = [];
  /** Adds a fault for the next `times` requests (after those already scripted). */
  add(fault, times = 1) {
    if (!Number.isInteger(times) || times < 1) throw new Error("times must be a positive integer");
    this.queue.push({ fault, remaining: times });
  }
  clear() {
    this.queue.length = 0;
  }
  /** The fault for the connection opening now: a `stall` at the head of the queue, if any. */
  nextConnection() {
    return this.queue[0]?.fault.kind === "stall" ? this.take() : void 0;
  }
  /** The fault for the request arriving now, if any (a `stall` waits for a connection). */
  next() {
    return this.queue[0]?.fault.kind === "stall" ? void 0 : this.take();
  }
  take() {
    const head = this.queue[0];
    if (!head) return void 0;
    head.remaining--;
    if (head.remaining === 0) this.queue.shift();
    return head.fault;
  }
};
var KINDS = "code, http, reset, hang, not-json, latency, answer, redirect, slow-headers, trickle, cut or stall";
function parseFault(value) {
  if (typeof value !== "object" || value === null) throw new Error("expected a JSON object");
  const fields = value;
  const { kind, processed, times = 1 } = fields;
  const flag = processed === void 0 ? {} : { processed: processed === true };
  const count = typeof times === "number" ? times : Number.NaN;
  const number2 = (name) => {
    const field = fields[name];
    if (typeof field !== "number")
      throw new Error(`a ${String(kind)} fault needs a numeric "${name}"`);
    return field;
  };
  const interval = fields.intervalMs === void 0 ? {} : { intervalMs: number2("intervalMs") };
  switch (kind) {
    case "code": {
      const { info } = fields;
      return {
        fault: { kind, code: number2("code"), ...typeof info === "string" ? { info } : {} },
        times: count
      };
    }
    case "http":
      return { fault: { kind, status: number2("status"), ...flag }, times: count };
    case "reset":
    case "hang":
    case "not-json":
    case "cut":
      return { fault: { kind, ...flag }, times: count };
    case "latency":
      return { fault: { kind, ms: number2("ms") }, times: count };
    case "answer":
      if (!("answer" in fields)) throw new Error('an answer fault needs an "answer"');
      return { fault: { kind, answer: fields.answer, ...flag }, times: count };
    case "redirect": {
      const { location } = fields;
      if (typeof location !== "string") throw new Error('a redirect fault needs a "location"');
      return { fault: { kind, status: number2("status"), location }, times: count };
    }
    case "slow-headers":
    case "trickle":
      return { fault: { kind, ...interval, ...flag }, times: count };
    case "stall":
      return { fault: { kind }, times: count };
    default:
      throw new Error(`"kind" must be ${KINDS}`);
  }
}

// emulator/src/body.ts
var MAX_MESSAGE_BYTES = 12e3;
var ELEMENTS = {
  TIMTextElem: { Text: "string" },
  TIMCustomElem: { "Data?": "string", "Desc?": "string", "Ext?": "string", "Sound?": "string" },
  TIMFaceElem: { Index: "number", "Data?": "string" },
  TIMLocationElem: { "Desc?": "string", Latitude: "number", Longitude: "number" }
};
var invalid = (info) => ({ ok: false, code: 10004, info });
function readBody(raw) {
  let body;
  try {
    body = JSON.parse(raw);
  } catch {
    return { ok: false, code: 60003, info: "request body is not valid JSON" };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, code: 60003, info: "request body is not a JSON object" };
  }
  const { From_Account, Random, MsgBody, CloudCustomData } = body;
  if (typeof Random !== "number" || !Number.isInteger(Random) || Random < 0 || Random > 4294967295) {
    return invalid("Random must be an unsigned 32-bit integer");
  }
  if (From_Account !== void 0 && (typeof From_Account !== "string" || From_Account === "")) {
    return invalid("From_Account must be a non-empty string");
  }
  if (CloudCustomData !== void 0 && typeof CloudCustomData !== "string") {
    return invalid("CloudCustomData must be a string");
  }
  if (!Array.isArray(MsgBody) || MsgBody.length === 0) {
    return invalid("MsgBody must be a non-empty array");
  }
  let customElems = 0;
  for (const [index, element] of MsgBody.entries()) {
    const problem = elementProblem(element);
    if (problem !== void 0) return invalid(`MsgBody[${index}]: ${problem}`);
    if (element.MsgType === "TIMCustomElem") customElems++;
  }
  if (customElems > 1) return invalid("MsgBody may hold at most one TIMCustomElem");
  const bytes = Buffer.byteLength(JSON.stringify(MsgBody), "utf8");
  if (bytes > MAX_MESSAGE_BYTES) {
    return invalid(`message is ${bytes} bytes, over the ${MAX_MESSAGE_BYTES}-byte limit`);
  }
  return {
    ok: true,
    request: {
      fromAccount: From_Account,
      random: Random,
      msgBody: MsgBody,
      cloudCustomData: CloudCustomData
    }
  };
}
function elementProblem(element) {
  if (typeof element !== "object" || element === null) return "not an object";
  const { MsgType, MsgContent } = element;
  const shape = typeof MsgType === "string" ? ELEMENTS[MsgType] : void 0;
  if (shape === void 0) return `unknown MsgType ${JSON.stringify(MsgType)}`;
  if (typeof MsgContent !== "object" || MsgContent === null || Array.isArray(MsgContent)) {
    return "MsgContent must be an object";
  }
  const content = MsgContent;
  for (const [spec, type] of Object.entries(shape)) {
    const name = spec.replace("?", "");
    if (content[name] === void 0) {
      if (spec.endsWith("?")) continue;
      return `${String(MsgType)}.${name} is required`;
    }
    if (typeof content[name] !== type) return `${String(MsgType)}.${name} must be a ${type}`;
  }
  return void 0;
}

// emulator/src/usersig.ts
var import_node_crypto = __toESM(require_node_crypto(), 1);
var import_node_zlib = __toESM(require_node_zlib(), 1);
function verifyUserSig(userSig, expected) {
  if (userSig === "") return { ok: false, code: 70002, info: "usersig is empty" };
  const doc = decode(userSig);
  if (doc === void 0) return { ok: false, code: 70003, info: "usersig is invalid" };
  const { "TLS.sdkappid": sdkAppId2, "TLS.identifier": identifier } = doc;
  const { "TLS.time": time, "TLS.expire": expire, "TLS.sig": sig, "TLS.userbuf": userBuf } = doc;
  if (typeof identifier !== "string" || typeof sdkAppId2 !== "number" || typeof time !== "number" || typeof expire !== "number" || typeof sig !== "string" || userBuf !== void 0 && typeof userBuf !== "string") {
    return { ok: false, code: 70003, info: "usersig is invalid: fields missing" };
  }
  if (sdkAppId2 !== expected.sdkAppId) {
    return { ok: false, code: 70014, info: "sdkappid in the request and in the usersig differ" };
  }
  if (identifier !== expected.identifier) {
    return { ok: false, code: 70013, info: "identifier in the request and in the usersig differ" };
  }
  if (expected.now > time + expire) {
    return { ok: false, code: 70001, info: "usersig expired" };
  }
  const signed = `TLS.identifier:${identifier}
TLS.sdkappid:${sdkAppId2}
TLS.time:${time}
TLS.expire:${expire}
` + (userBuf === void 0 ? "" : `TLS.userbuf:${userBuf}
`);
  const want = (0, import_node_crypto.createHmac)("sha256", expected.key).update(signed, "utf8").digest();
  const got = Buffer.from(sig, "base64");
  if (got.length !== want.length || !(0, import_node_crypto.timingSafeEqual)(got, want)) {
    return { ok: false, code: 70009, info: "usersig check failed: wrong key or sdkappid" };
  }
  return { ok: true };
}
function decode(userSig) {
  const base64 = userSig.replaceAll("*", "+").replaceAll("-", "/").replaceAll("_", "=");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return void 0;
  try {
    const doc = JSON.parse((0, import_node_zlib.inflateSync)(Buffer.from(base64, "base64")).toString("utf8"));
    return typeof doc === "object" && doc !== null && !Array.isArray(doc) ? doc : void 0;
  } catch {
    return void 0;
  }
}

// emulator/src/service.ts
var BROADCAST_PATH = "/v4/group_open_http_svc/send_broadcast_msg";
var REPEAT_WINDOW_MS = 5 * 6e4;
var fail = (code, info) => ({
  ActionStatus: "FAIL",
  ErrorCode: code,
  ErrorInfo: info
});
var BroadcastService = class {
  requests = [];
  broadcasts = [];
  apps = /* @__PURE__ */ new Map();
  constructor(apps) {
    for (const app of apps) {
      const options = {
        accounts: [],
        rate: 1,
        broadcast: true,
        rooms: ["@TGS#aLiveRoomA", "@TGS#aLiveRoomB"],
        ...app
      };
      this.apps.set(app.sdkAppId, {
        options,
        nextSeq: 1,
        calls: [],
        seen: /* @__PURE__ */ new Map(),
        rooms: new Map(options.rooms.map((room) => [room, []]))
      });
    }
  }
  /** What each live room of an app has received, in order. */
  rooms(sdkAppId2) {
    const app = this.apps.get(sdkAppId2);
    return app ? Object.fromEntries(app.rooms) : {};
  }
  /** Changes an app's settings while running (for example its call rate or the console switch). */
  configure(sdkAppId2, changes) {
    const app = this.apps.get(sdkAppId2);
    if (!app) throw new Error(`no app ${sdkAppId2}`);
    Object.assign(app.options, changes);
  }
  handle(request, fault) {
    const delivered = this.broadcasts.length;
    const processed = fault === void 0 || fault.kind === "latency" || "processed" in fault && fault.processed === true;
    const answer = fault?.kind === "code" ? fail(fault.code, fault.info ?? "scripted fault") : processed ? this.answer(request) : void 0;
    const { usersig: _usersig, ...query } = Object.fromEntries(request.query);
    const record = {
      method: request.method,
      path: request.path,
      query,
      body: request.body,
      userAgent: request.userAgent,
      code: answer?.ErrorCode,
      fault: fault?.kind,
      repeat: answer?.ErrorCode === 0 && this.broadcasts.length === delivered,
      msgSeq: answer?.MsgSeq,
      time: request.now
    };
    this.requests.push(record);
    return { answer, record };
  }
  answer(request) {
    const { query, now } = request;
    if (request.path !== BROADCAST_PATH) {
      return request.path.startsWith("/v4/group_open_http_svc/") ? fail(10003, "invalid command word") : fail(60009, "wrong request resource");
    }
    if (request.method !== "POST") return fail(60002, "HTTP parse error: POST only");
    const sdkAppIdText = query.get("sdkappid");
    if (sdkAppIdText === null || sdkAppIdText === "") return fail(60012, "SDKAppID missing");
    if (!/^\d+$/.test(sdkAppIdText)) return fail(60002, "HTTP parse error: sdkappid");
    if (query.get("contenttype") !== "json") return fail(60002, "HTTP parse error: contenttype");
    const random = query.get("random") ?? "";
    if (!/^\d+$/.test(random) || Number(random) > 4294967295) {
      return fail(60002, "HTTP parse error: random");
    }
    const identifier = query.get("identifier") ?? "";
    if (identifier === "") return fail(60002, "HTTP parse error: identifier");
    const app = this.apps.get(Number(sdkAppIdText));
    if (!app) return fail(70020, "SDKAppID not found");
    const verdict = verifyUserSig(query.get("usersig") ?? "", {
      sdkAppId: app.options.sdkAppId,
      identifier,
      key: app.options.key,
      now: Math.floor(now / 1e3)
    });
    if (!verdict.ok) return fail(verdict.code, verdict.info);
    if (identifier !== app.options.admin) {
      return fail(10007, "insufficient permission: identifier is not the app admin");
    }
    if (!app.options.broadcast) {
      return fail(10007, "insufficient permission: broadcast messaging of audio-video group is off");
    }
    app.calls = app.calls.filter((time) => time > now - 1e3);
    if (app.calls.length >= app.options.rate) return fail(10023, "message frequency limit");
    app.calls.push(now);
    const read = readBody(request.body);
    if (!read.ok) return fail(read.code, read.info);
    const message = read.request;
    const fromAccount = message.fromAccount ?? app.options.admin;
    if (fromAccount !== app.options.admin && !app.options.accounts.includes(fromAccount)) {
      return fail(10004, `From_Account ${fromAccount} does not exist`);
    }
    for (const [key, entry] of app.seen) {
      if (entry.time <= now - REPEAT_WINDOW_MS) app.seen.delete(key);
    }
    const repeatKey = JSON.stringify([
      message.random,
      fromAccount,
      message.msgBody,
      message.cloudCustomData
    ]);
    const earlier = app.seen.get(repeatKey);
    if (earlier) return { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", MsgSeq: earlier.msgSeq };
    const broadcast = {
      sdkAppId: app.options.sdkAppId,
      msgSeq: app.nextSeq++,
      random: message.random,
      fromAccount,
      msgBody: message.msgBody,
      cloudCustomData: message.cloudCustomData,
      time: now
    };
    app.seen.set(repeatKey, { msgSeq: broadcast.msgSeq, time: now });
    this.broadcasts.push(broadcast);
    for (const messages of app.rooms.values()) messages.push(broadcast);
    return { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", MsgSeq: broadcast.msgSeq };
  }
};

// emulator/src/index.ts
var DEMO_APP = {
  sdkAppId: 14e8,
  key: "emulator-demo-secret-key-not-for-production",
  admin: "administrator"
};
var STATE_PATH = "/__emulator/state";
var FAULTS_PATH = "/__emulator/faults";
async function startEmulator(options = {}) {
  const apps = options.apps ?? [{ ...DEMO_APP }];
  const service = new BroadcastService(apps);
  const now = options.now ?? Date.now;
  const certificate = options.https ? selfSignedCertificate(options.hostnames) : void 0;
  const faults = new FaultScript();
  const handler = (req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://emulator");
      const body = Buffer.concat(chunks).toString("utf8");
      if (url.pathname === STATE_PATH && req.method === "GET") {
        send(res, {
          broadcasts: service.broadcasts,
          rooms: Object.fromEntries(apps.map((app) => [app.sdkAppId, service.rooms(app.sdkAppId)])),
          requests: service.requests
        });
        return;
      }
      if (url.pathname === FAULTS_PATH) {
        control(req.method, body, res);
        return;
      }
      const fault = faults.next();
      const { answer, record } = service.handle(
        {
          method: req.method ?? "GET",
          path: url.pathname,
          query: url.searchParams,
          body,
          userAgent: req.headers["user-agent"],
          now: now()
        },
        fault
      );
      options.onRequest?.(record);
      misbehave(fault, res, answer, () => {
        send(res, answer);
      });
    });
  };
  const control = (method, body, res) => {
    try {
      if (method === "DELETE") faults.clear();
      else if (method === "POST") {
        const { fault, times } = parseFault(JSON.parse(body));
        faults.add(fault, times);
      } else throw new Error("use POST to add a fault or DELETE to clear them");
      send(res, { ok: true });
    } catch (error) {
      send(res, { ok: false, error: error instanceof Error ? error.message : String(error) }, 400);
    }
  };
  const server = certificate ? (0, import_node_https.createServer)({ key: certificate.key, cert: certificate.cert }, handler) : (0, import_node_http.createServer)(handler);
  const sockets = /* @__PURE__ */ new Set();
  const listener = (0, import_node_net.createServer)((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => void 0);
    if (faults.nextConnection() === void 0) server.emit("connection", socket);
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise((resolve, reject) => {
    listener.once("error", reject);
    listener.listen(options.port ?? 0, host, () => {
      resolve();
    });
  });
  const { port } = listener.address();
  const hostInUrl = host.includes(":") ? `[${host}]` : host;
  return {
    url: `${certificate ? "https" : "http"}://${hostInUrl}:${port}`,
    port,
    certificate: certificate?.cert,
    service,
    broadcasts: service.broadcasts,
    requests: service.requests,
    rooms: (sdkAppId2 = apps[0]?.sdkAppId ?? DEMO_APP.sdkAppId) => service.rooms(sdkAppId2),
    inject: (fault, times) => {
      faults.add(fault, times);
    },
    close: () => new Promise((resolve) => {
      listener.close(() => {
        resolve();
      });
      for (const socket of sockets) socket.destroy();
    })
  };
}
function misbehave(fault, res, backend, answer) {
  switch (fault?.kind) {
    case "answer":
      send(res, fault.answer);
      return;
    case "redirect":
      res.writeHead(fault.status, { Location: fault.location, "Content-Length": 0 });
      res.end();
      return;
    case "slow-headers": {
      const head = "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n";
      const socket = res.socket;
      let at = 0;
      const timer = setInterval(() => {
        const byte = at < head.length ? head[at] : "X-Slow: x\r\n"[(at - head.length) % 11];
        at++;
        socket?.write(byte ?? "");
      }, fault.intervalMs ?? 500);
      socket?.once("close", () => {
        clearInterval(timer);
      });
      return;
    }
    case "trickle": {
      res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
      const timer = setInterval(() => res.write(" "), fault.intervalMs ?? 500);
      res.once("close", () => {
        clearInterval(timer);
      });
      return;
    }
    case "cut": {
      const body = JSON.stringify(backend ?? { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "" });
      res.writeHead(200, {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Length": Buffer.byteLength(body)
      });
      res.write(body.slice(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
      return;
    }
    case "http":
      res.writeHead(fault.status, { "Content-Type": "text/html" });
      res.end(`<html><body><h1>${fault.status}</h1>emulated gateway error</body></html>`);
      return;
    case "reset":
      res.socket?.resetAndDestroy();
      return;
    case "hang":
      return;
    // the socket stays open, unanswered, until the client gives up or the emulator closes
    case "not-json":
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end("<html><body>Service temporarily unavailable</body></html>");
      return;
    case "latency":
      setTimeout(answer, fault.ms);
      return;
    default:
      answer();
  }
}
function send(res, value, status = 200) {
  if (res.destroyed) return;
  const body = JSON.stringify(value);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body)
  });
  res.end(body);
}

// emulator/src/cli.ts
var usage = `Usage: npm run emulator -- [options]

A local stand-in for Tencent Chat's send_broadcast_msg REST API.

  --port N        port to listen on (default 0: a free one)
  --host H        address to listen on (default 127.0.0.1)
  --app-id N      SDKAppID (default ${DEMO_APP.sdkAppId})
  --key K         the app's secret key (default: the demo key)
  --admin A       the app admin account (default ${DEMO_APP.admin})
  --account A     another existing account, usable as from-account (repeatable)
  --rate N        broadcasts accepted per second (default 1; Enterprise edition: 5)
  --broadcast-off answer 10007, as when the console switch is off
  --https         serve HTTPS with a fresh self-signed certificate
  --help          show this text`;
var values;
try {
  ;
  ({ values } = (0, import_node_util.parseArgs)({
    options: {
      port: { type: "string", default: "0" },
      host: { type: "string", default: "127.0.0.1" },
      "app-id": { type: "string", default: String(DEMO_APP.sdkAppId) },
      key: { type: "string", default: DEMO_APP.key },
      admin: { type: "string", default: DEMO_APP.admin },
      account: { type: "string", multiple: true, default: [] },
      rate: { type: "string", default: "1" },
      "broadcast-off": { type: "boolean", default: false },
      https: { type: "boolean", default: false },
      help: { type: "boolean", default: false }
    }
  }));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}

${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
var number = (name, text, min) => {
  if (!/^\d+$/.test(text) || Number(text) < min) {
    console.error(
      `--${name} must be a whole number of at least ${min}; got ${JSON.stringify(text)}`
    );
    process.exit(2);
  }
  return Number(text);
};
var sdkAppId = number("app-id", values["app-id"], 1);
var emulator = await startEmulator({
  host: values.host,
  onRequest: (request) => {
    const outcome = request.code === void 0 ? `no answer (fault: ${request.fault})` : request.code !== 0 ? `ErrorCode ${request.code}` : `MsgSeq ${request.msgSeq}${request.repeat ? " (repeat, discarded)" : ""}`;
    const fault = request.fault && request.code !== void 0 ? ` (fault: ${request.fault})` : "";
    console.log(
      `${new Date(request.time).toISOString()} ${request.method} ${request.path} \u2192 ${outcome}${fault}`
    );
  },
  port: number("port", values.port, 0),
  https: values.https,
  apps: [
    {
      sdkAppId,
      key: values.key,
      admin: values.admin,
      accounts: values.account,
      rate: number("rate", values.rate, 1),
      broadcast: !values["broadcast-off"]
    }
  ]
});
console.log(`Tencent Chat emulator listening on ${emulator.url}`);
console.log(`  sdk-app-id: ${sdkAppId}   admin-identifier: ${values.admin}`);
if (values.key === DEMO_APP.key) console.log(`  secret-key: ${DEMO_APP.key}`);
if (emulator.certificate !== void 0) {
  const caFile = (0, import_node_path2.join)((0, import_node_os2.tmpdir)(), `tencent-chat-emulator-${emulator.port}.pem`);
  (0, import_node_fs2.writeFileSync)(caFile, emulator.certificate);
  console.log(`  certificate: ${caFile} (trust it with NODE_EXTRA_CA_CERTS=${caFile})`);
}
console.log(`  state: GET ${emulator.url}${STATE_PATH}`);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
//# sourceMappingURL=emulator.js.map
