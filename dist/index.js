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
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
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

// builtin:os
var require_os = __commonJS({
  "builtin:os"(exports, module) {
    module.exports = __require("node:os");
  }
});

// builtin:crypto
var require_crypto = __commonJS({
  "builtin:crypto"(exports, module) {
    module.exports = __require("node:crypto");
  }
});

// builtin:fs
var require_fs = __commonJS({
  "builtin:fs"(exports, module) {
    module.exports = __require("node:fs");
  }
});

// builtin:http
var require_http = __commonJS({
  "builtin:http"(exports, module) {
    module.exports = __require("node:http");
  }
});

// builtin:https
var require_https = __commonJS({
  "builtin:https"(exports, module) {
    module.exports = __require("node:https");
  }
});

// builtin:net
var require_net = __commonJS({
  "builtin:net"(exports, module) {
    module.exports = __require("node:net");
  }
});

// builtin:tls
var require_tls = __commonJS({
  "builtin:tls"(exports, module) {
    module.exports = __require("node:tls");
  }
});

// builtin:events
var require_events = __commonJS({
  "builtin:events"(exports, module) {
    module.exports = __require("node:events");
  }
});

// builtin:assert
var require_assert = __commonJS({
  "builtin:assert"(exports, module) {
    module.exports = __require("node:assert");
  }
});

// builtin:util
var require_util = __commonJS({
  "builtin:util"(exports, module) {
    module.exports = __require("node:util");
  }
});

// node_modules/tunnel/lib/tunnel.js
var require_tunnel = __commonJS({
  "node_modules/tunnel/lib/tunnel.js"(exports) {
    "use strict";
    var net = require_net();
    var tls = require_tls();
    var http2 = require_http();
    var https2 = require_https();
    var events = require_events();
    var assert = require_assert();
    var util = require_util();
    exports.httpOverHttp = httpOverHttp2;
    exports.httpsOverHttp = httpsOverHttp2;
    exports.httpOverHttps = httpOverHttps2;
    exports.httpsOverHttps = httpsOverHttps2;
    function httpOverHttp2(options) {
      var agent = new TunnelingAgent(options);
      agent.request = http2.request;
      return agent;
    }
    function httpsOverHttp2(options) {
      var agent = new TunnelingAgent(options);
      agent.request = http2.request;
      agent.createSocket = createSecureSocket;
      agent.defaultPort = 443;
      return agent;
    }
    function httpOverHttps2(options) {
      var agent = new TunnelingAgent(options);
      agent.request = https2.request;
      return agent;
    }
    function httpsOverHttps2(options) {
      var agent = new TunnelingAgent(options);
      agent.request = https2.request;
      agent.createSocket = createSecureSocket;
      agent.defaultPort = 443;
      return agent;
    }
    function TunnelingAgent(options) {
      var self = this;
      self.options = options || {};
      self.proxyOptions = self.options.proxy || {};
      self.maxSockets = self.options.maxSockets || http2.Agent.defaultMaxSockets;
      self.requests = [];
      self.sockets = [];
      self.on("free", function onFree(socket, host, port, localAddress) {
        var options2 = toOptions(host, port, localAddress);
        for (var i = 0, len = self.requests.length; i < len; ++i) {
          var pending = self.requests[i];
          if (pending.host === options2.host && pending.port === options2.port) {
            self.requests.splice(i, 1);
            pending.request.onSocket(socket);
            return;
          }
        }
        socket.destroy();
        self.removeSocket(socket);
      });
    }
    util.inherits(TunnelingAgent, events.EventEmitter);
    TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
      var self = this;
      var options = mergeOptions({ request: req }, self.options, toOptions(host, port, localAddress));
      if (self.sockets.length >= this.maxSockets) {
        self.requests.push(options);
        return;
      }
      self.createSocket(options, function(socket) {
        socket.on("free", onFree);
        socket.on("close", onCloseOrRemove);
        socket.on("agentRemove", onCloseOrRemove);
        req.onSocket(socket);
        function onFree() {
          self.emit("free", socket, options);
        }
        function onCloseOrRemove(err) {
          self.removeSocket(socket);
          socket.removeListener("free", onFree);
          socket.removeListener("close", onCloseOrRemove);
          socket.removeListener("agentRemove", onCloseOrRemove);
        }
      });
    };
    TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
      var self = this;
      var placeholder = {};
      self.sockets.push(placeholder);
      var connectOptions = mergeOptions({}, self.proxyOptions, {
        method: "CONNECT",
        path: options.host + ":" + options.port,
        agent: false,
        headers: {
          host: options.host + ":" + options.port
        }
      });
      if (options.localAddress) {
        connectOptions.localAddress = options.localAddress;
      }
      if (connectOptions.proxyAuth) {
        connectOptions.headers = connectOptions.headers || {};
        connectOptions.headers["Proxy-Authorization"] = "Basic " + new Buffer(connectOptions.proxyAuth).toString("base64");
      }
      debug2("making CONNECT request");
      var connectReq = self.request(connectOptions);
      connectReq.useChunkedEncodingByDefault = false;
      connectReq.once("response", onResponse);
      connectReq.once("upgrade", onUpgrade);
      connectReq.once("connect", onConnect);
      connectReq.once("error", onError);
      connectReq.end();
      function onResponse(res) {
        res.upgrade = true;
      }
      function onUpgrade(res, socket, head) {
        process.nextTick(function() {
          onConnect(res, socket, head);
        });
      }
      function onConnect(res, socket, head) {
        connectReq.removeAllListeners();
        socket.removeAllListeners();
        if (res.statusCode !== 200) {
          debug2(
            "tunneling socket could not be established, statusCode=%d",
            res.statusCode
          );
          socket.destroy();
          var error2 = new Error("tunneling socket could not be established, statusCode=" + res.statusCode);
          error2.code = "ECONNRESET";
          options.request.emit("error", error2);
          self.removeSocket(placeholder);
          return;
        }
        if (head.length > 0) {
          debug2("got illegal response body from proxy");
          socket.destroy();
          var error2 = new Error("got illegal response body from proxy");
          error2.code = "ECONNRESET";
          options.request.emit("error", error2);
          self.removeSocket(placeholder);
          return;
        }
        debug2("tunneling connection has established");
        self.sockets[self.sockets.indexOf(placeholder)] = socket;
        return cb(socket);
      }
      function onError(cause) {
        connectReq.removeAllListeners();
        debug2(
          "tunneling socket could not be established, cause=%s\n",
          cause.message,
          cause.stack
        );
        var error2 = new Error("tunneling socket could not be established, cause=" + cause.message);
        error2.code = "ECONNRESET";
        options.request.emit("error", error2);
        self.removeSocket(placeholder);
      }
    };
    TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
      var pos = this.sockets.indexOf(socket);
      if (pos === -1) {
        return;
      }
      this.sockets.splice(pos, 1);
      var pending = this.requests.shift();
      if (pending) {
        this.createSocket(pending, function(socket2) {
          pending.request.onSocket(socket2);
        });
      }
    };
    function createSecureSocket(options, cb) {
      var self = this;
      TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
        var hostHeader = options.request.getHeader("host");
        var tlsOptions = mergeOptions({}, self.options, {
          socket,
          servername: hostHeader ? hostHeader.replace(/:.*$/, "") : options.host
        });
        var secureSocket = tls.connect(0, tlsOptions);
        self.sockets[self.sockets.indexOf(socket)] = secureSocket;
        cb(secureSocket);
      });
    }
    function toOptions(host, port, localAddress) {
      if (typeof host === "string") {
        return {
          host,
          port,
          localAddress
        };
      }
      return host;
    }
    function mergeOptions(target) {
      for (var i = 1, len = arguments.length; i < len; ++i) {
        var overrides = arguments[i];
        if (typeof overrides === "object") {
          var keys = Object.keys(overrides);
          for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
            var k = keys[j];
            if (overrides[k] !== void 0) {
              target[k] = overrides[k];
            }
          }
        }
      }
      return target;
    }
    var debug2;
    if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
      debug2 = function() {
        var args = Array.prototype.slice.call(arguments);
        if (typeof args[0] === "string") {
          args[0] = "TUNNEL: " + args[0];
        } else {
          args.unshift("TUNNEL:");
        }
        console.error.apply(console, args);
      };
    } else {
      debug2 = function() {
      };
    }
    exports.debug = debug2;
  }
});

// node_modules/tunnel/index.js
var require_tunnel2 = __commonJS({
  "node_modules/tunnel/index.js"(exports, module) {
    module.exports = require_tunnel();
  }
});

// on-demand:tunnel
var require_tunnel3 = __commonJS({
  "on-demand:tunnel"(exports) {
    exports.httpOverHttp = (options) => require_tunnel2().httpOverHttp(options);
    exports.httpsOverHttp = (options) => require_tunnel2().httpsOverHttp(options);
    exports.httpOverHttps = (options) => require_tunnel2().httpOverHttps(options);
    exports.httpsOverHttps = (options) => require_tunnel2().httpsOverHttps(options);
  }
});

// not-bundled:undici
var missing, ProxyAgent, fetch;
var init_undici = __esm({
  "not-bundled:undici"() {
    missing = (name) => function() {
      throw new Error(`undici.${name} is not bundled: the action's requests go through Node's http/https.`);
    };
    ProxyAgent = missing("ProxyAgent");
    fetch = missing("fetch");
  }
});

// builtin:node:crypto
var require_node_crypto = __commonJS({
  "builtin:node:crypto"(exports, module) {
    module.exports = __require("node:crypto");
  }
});

// builtin:zlib
var require_zlib = __commonJS({
  "builtin:zlib"(exports, module) {
    module.exports = __require("node:zlib");
  }
});

// node_modules/tls-sig-api-v2/TLSSigAPIv2.js
var require_TLSSigAPIv2 = __commonJS({
  "node_modules/tls-sig-api-v2/TLSSigAPIv2.js"(exports) {
    var crypto2 = require_crypto();
    var zlib = require_zlib();
    var base64url = {};
    var newBuffer = function(fill, encoding) {
      return Buffer.from ? Buffer.from(fill, encoding) : new Buffer(fill, encoding);
    };
    base64url.unescape = function unescape(str) {
      return (str + Array(5 - str.length % 4)).replace(/_/g, "=").replace(/\-/g, "/").replace(/\*/g, "+");
    };
    base64url.escape = function escape2(str) {
      return str.replace(/\+/g, "*").replace(/\//g, "-").replace(/=/g, "_");
    };
    base64url.encode = function encode(str) {
      return this.escape(newBuffer(str).toString("base64"));
    };
    base64url.decode = function decode(str) {
      return newBuffer(this.unescape(str), "base64").toString();
    };
    function base64encode(str) {
      return newBuffer(str).toString("base64");
    }
    var Api2 = function(sdkappid, key) {
      this.sdkappid = sdkappid;
      this.key = key;
    };
    Api2.prototype._hmacsha256 = function(identifier, currTime, expire, base64UserBuf) {
      var contentToBeSigned = "TLS.identifier:" + identifier + "\n";
      contentToBeSigned += "TLS.sdkappid:" + this.sdkappid + "\n";
      contentToBeSigned += "TLS.time:" + currTime + "\n";
      contentToBeSigned += "TLS.expire:" + expire + "\n";
      if (null != base64UserBuf) {
        contentToBeSigned += "TLS.userbuf:" + base64UserBuf + "\n";
      }
      const hmac = crypto2.createHmac("sha256", this.key);
      return hmac.update(contentToBeSigned).digest("base64");
    };
    Api2.prototype._genUserbuf = function(account, dwAuthID, dwExpTime, dwPrivilegeMap, dwAccountType, roomstr) {
      let accountLength = account.length;
      let roomstrlength = 0;
      let length = 1 + 2 + accountLength + 20;
      if (null != roomstr) {
        roomstrlength = roomstr.length;
        length = length + 2 + roomstrlength;
      }
      let offset = 0;
      let userBuf = new Buffer.alloc(length);
      if (null != roomstr)
        userBuf[offset++] = 1;
      else
        userBuf[offset++] = 0;
      userBuf[offset++] = (accountLength & 65280) >> 8;
      userBuf[offset++] = accountLength & 255;
      for (; offset < 3 + accountLength; ++offset) {
        userBuf[offset] = account.charCodeAt(offset - 3);
      }
      userBuf[offset++] = (this.sdkappid & 4278190080) >> 24;
      userBuf[offset++] = (this.sdkappid & 16711680) >> 16;
      userBuf[offset++] = (this.sdkappid & 65280) >> 8;
      userBuf[offset++] = this.sdkappid & 255;
      userBuf[offset++] = (dwAuthID & 4278190080) >> 24;
      userBuf[offset++] = (dwAuthID & 16711680) >> 16;
      userBuf[offset++] = (dwAuthID & 65280) >> 8;
      userBuf[offset++] = dwAuthID & 255;
      let expire = Date.now() / 1e3 + dwExpTime;
      userBuf[offset++] = (expire & 4278190080) >> 24;
      userBuf[offset++] = (expire & 16711680) >> 16;
      userBuf[offset++] = (expire & 65280) >> 8;
      userBuf[offset++] = expire & 255;
      userBuf[offset++] = (dwPrivilegeMap & 4278190080) >> 24;
      userBuf[offset++] = (dwPrivilegeMap & 16711680) >> 16;
      userBuf[offset++] = (dwPrivilegeMap & 65280) >> 8;
      userBuf[offset++] = dwPrivilegeMap & 255;
      userBuf[offset++] = (dwAccountType & 4278190080) >> 24;
      userBuf[offset++] = (dwAccountType & 16711680) >> 16;
      userBuf[offset++] = (dwAccountType & 65280) >> 8;
      userBuf[offset++] = dwAccountType & 255;
      if (null != roomstr) {
        userBuf[offset++] = (roomstr.length & 65280) >> 8;
        userBuf[offset++] = roomstr.length & 255;
        for (; offset < length; ++offset) {
          userBuf[offset] = roomstr.charCodeAt(offset - (length - roomstr.length));
        }
      }
      return userBuf;
    };
    Api2.prototype.genSig = function(userid, expire, userBuf) {
      var currTime = Math.floor(Date.now() / 1e3);
      var sigDoc = {
        "TLS.ver": "2.0",
        "TLS.identifier": "" + userid,
        "TLS.sdkappid": Number(this.sdkappid),
        "TLS.time": Number(currTime),
        "TLS.expire": Number(expire)
      };
      var sig = "";
      if (null != userBuf) {
        var base64UserBuf = base64encode(userBuf);
        sigDoc["TLS.userbuf"] = base64UserBuf;
        sig = this._hmacsha256(userid, currTime, expire, base64UserBuf);
      } else {
        sig = this._hmacsha256(userid, currTime, expire, null);
      }
      sigDoc["TLS.sig"] = sig;
      var compressed = zlib.deflateSync(newBuffer(JSON.stringify(sigDoc))).toString("base64");
      return base64url.escape(compressed);
    };
    Api2.prototype.genUserSig = function(userid, expire) {
      return this.genSig(userid, expire, null);
    };
    Api2.prototype.genPrivateMapKey = function(userid, expire, roomid, privilegeMap) {
      var userBuf = this._genUserbuf(userid, roomid, expire, privilegeMap, 0, null);
      return this.genSig(userid, expire, userBuf);
    };
    Api2.prototype.genPrivateMapKeyWithStringRoomID = function(userid, expire, roomstr, privilegeMap) {
      var userBuf = this._genUserbuf(userid, 0, expire, privilegeMap, 0, roomstr);
      return this.genSig(userid, expire, userBuf);
    };
    exports.Api = Api2;
  }
});

// builtin:node:fs
var require_node_fs = __commonJS({
  "builtin:node:fs"(exports, module) {
    module.exports = __require("node:fs");
  }
});

// node_modules/@actions/core/lib/command.js
var os = __toESM(require_os());

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = "") {
  issueCommand(name, {}, message);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
var crypto = __toESM(require_crypto());
var fs = __toESM(require_fs());
var os2 = __toESM(require_os());
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
var os3 = __toESM(require_os());

// node_modules/@actions/http-client/lib/index.js
var http = __toESM(require_http());
var https = __toESM(require_https());

// node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
  const usingSsl = reqUrl.protocol === "https:";
  if (checkBypass(reqUrl)) {
    return void 0;
  }
  const proxyVar = (() => {
    if (usingSsl) {
      return process.env["https_proxy"] || process.env["HTTPS_PROXY"];
    } else {
      return process.env["http_proxy"] || process.env["HTTP_PROXY"];
    }
  })();
  if (proxyVar) {
    try {
      return new DecodedURL(proxyVar);
    } catch (_a) {
      if (!proxyVar.startsWith("http://") && !proxyVar.startsWith("https://"))
        return new DecodedURL(`http://${proxyVar}`);
    }
  } else {
    return void 0;
  }
}
function checkBypass(reqUrl) {
  if (!reqUrl.hostname) {
    return false;
  }
  const reqHost = reqUrl.hostname;
  if (isLoopbackAddress(reqHost)) {
    return true;
  }
  const noProxy = process.env["no_proxy"] || process.env["NO_PROXY"] || "";
  if (!noProxy) {
    return false;
  }
  let reqPort;
  if (reqUrl.port) {
    reqPort = Number(reqUrl.port);
  } else if (reqUrl.protocol === "http:") {
    reqPort = 80;
  } else if (reqUrl.protocol === "https:") {
    reqPort = 443;
  }
  const upperReqHosts = [reqUrl.hostname.toUpperCase()];
  if (typeof reqPort === "number") {
    upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
  }
  for (const upperNoProxyItem of noProxy.split(",").map((x) => x.trim().toUpperCase()).filter((x) => x)) {
    if (upperNoProxyItem === "*" || upperReqHosts.some((x) => x === upperNoProxyItem || x.endsWith(`.${upperNoProxyItem}`) || upperNoProxyItem.startsWith(".") && x.endsWith(`${upperNoProxyItem}`))) {
      return true;
    }
  }
  return false;
}
function isLoopbackAddress(host) {
  const hostLower = host.toLowerCase();
  return hostLower === "localhost" || hostLower.startsWith("127.") || hostLower.startsWith("[::1]") || hostLower.startsWith("[0:0:0:0:0:0:0:1]");
}
var DecodedURL = class extends URL {
  constructor(url, base) {
    super(url, base);
    this._decodedUsername = decodeURIComponent(super.username);
    this._decodedPassword = decodeURIComponent(super.password);
  }
  get username() {
    return this._decodedUsername;
  }
  get password() {
    return this._decodedPassword;
  }
};

// node_modules/@actions/http-client/lib/index.js
var tunnel = __toESM(require_tunnel3());
init_undici();
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var HttpCodes;
(function(HttpCodes2) {
  HttpCodes2[HttpCodes2["OK"] = 200] = "OK";
  HttpCodes2[HttpCodes2["MultipleChoices"] = 300] = "MultipleChoices";
  HttpCodes2[HttpCodes2["MovedPermanently"] = 301] = "MovedPermanently";
  HttpCodes2[HttpCodes2["ResourceMoved"] = 302] = "ResourceMoved";
  HttpCodes2[HttpCodes2["SeeOther"] = 303] = "SeeOther";
  HttpCodes2[HttpCodes2["NotModified"] = 304] = "NotModified";
  HttpCodes2[HttpCodes2["UseProxy"] = 305] = "UseProxy";
  HttpCodes2[HttpCodes2["SwitchProxy"] = 306] = "SwitchProxy";
  HttpCodes2[HttpCodes2["TemporaryRedirect"] = 307] = "TemporaryRedirect";
  HttpCodes2[HttpCodes2["PermanentRedirect"] = 308] = "PermanentRedirect";
  HttpCodes2[HttpCodes2["BadRequest"] = 400] = "BadRequest";
  HttpCodes2[HttpCodes2["Unauthorized"] = 401] = "Unauthorized";
  HttpCodes2[HttpCodes2["PaymentRequired"] = 402] = "PaymentRequired";
  HttpCodes2[HttpCodes2["Forbidden"] = 403] = "Forbidden";
  HttpCodes2[HttpCodes2["NotFound"] = 404] = "NotFound";
  HttpCodes2[HttpCodes2["MethodNotAllowed"] = 405] = "MethodNotAllowed";
  HttpCodes2[HttpCodes2["NotAcceptable"] = 406] = "NotAcceptable";
  HttpCodes2[HttpCodes2["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
  HttpCodes2[HttpCodes2["RequestTimeout"] = 408] = "RequestTimeout";
  HttpCodes2[HttpCodes2["Conflict"] = 409] = "Conflict";
  HttpCodes2[HttpCodes2["Gone"] = 410] = "Gone";
  HttpCodes2[HttpCodes2["TooManyRequests"] = 429] = "TooManyRequests";
  HttpCodes2[HttpCodes2["InternalServerError"] = 500] = "InternalServerError";
  HttpCodes2[HttpCodes2["NotImplemented"] = 501] = "NotImplemented";
  HttpCodes2[HttpCodes2["BadGateway"] = 502] = "BadGateway";
  HttpCodes2[HttpCodes2["ServiceUnavailable"] = 503] = "ServiceUnavailable";
  HttpCodes2[HttpCodes2["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function(Headers2) {
  Headers2["Accept"] = "accept";
  Headers2["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function(MediaTypes2) {
  MediaTypes2["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
var HttpRedirectCodes = [
  HttpCodes.MovedPermanently,
  HttpCodes.ResourceMoved,
  HttpCodes.SeeOther,
  HttpCodes.TemporaryRedirect,
  HttpCodes.PermanentRedirect
];
var HttpResponseRetryCodes = [
  HttpCodes.BadGateway,
  HttpCodes.ServiceUnavailable,
  HttpCodes.GatewayTimeout
];
var RetryableHttpVerbs = ["OPTIONS", "GET", "DELETE", "HEAD"];
var ExponentialBackoffCeiling = 10;
var ExponentialBackoffTimeSlice = 5;
var HttpClientError = class _HttpClientError extends Error {
  constructor(message, statusCode) {
    super(message);
    this.name = "HttpClientError";
    this.statusCode = statusCode;
    Object.setPrototypeOf(this, _HttpClientError.prototype);
  }
};
var HttpClientResponse = class {
  constructor(message) {
    this.message = message;
  }
  readBody() {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
        let output = Buffer.alloc(0);
        this.message.on("data", (chunk) => {
          output = Buffer.concat([output, chunk]);
        });
        this.message.on("end", () => {
          resolve(output.toString());
        });
      }));
    });
  }
  readBodyBuffer() {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
        const chunks = [];
        this.message.on("data", (chunk) => {
          chunks.push(chunk);
        });
        this.message.on("end", () => {
          resolve(Buffer.concat(chunks));
        });
      }));
    });
  }
};
var HttpClient = class {
  constructor(userAgent, handlers, requestOptions) {
    this._ignoreSslError = false;
    this._allowRedirects = true;
    this._allowRedirectDowngrade = false;
    this._maxRedirects = 50;
    this._allowRetries = false;
    this._maxRetries = 1;
    this._keepAlive = false;
    this._disposed = false;
    this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
    this.handlers = handlers || [];
    this.requestOptions = requestOptions;
    if (requestOptions) {
      if (requestOptions.ignoreSslError != null) {
        this._ignoreSslError = requestOptions.ignoreSslError;
      }
      this._socketTimeout = requestOptions.socketTimeout;
      if (requestOptions.allowRedirects != null) {
        this._allowRedirects = requestOptions.allowRedirects;
      }
      if (requestOptions.allowRedirectDowngrade != null) {
        this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
      }
      if (requestOptions.maxRedirects != null) {
        this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
      }
      if (requestOptions.keepAlive != null) {
        this._keepAlive = requestOptions.keepAlive;
      }
      if (requestOptions.allowRetries != null) {
        this._allowRetries = requestOptions.allowRetries;
      }
      if (requestOptions.maxRetries != null) {
        this._maxRetries = requestOptions.maxRetries;
      }
    }
  }
  options(requestUrl, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("OPTIONS", requestUrl, null, additionalHeaders || {});
    });
  }
  get(requestUrl, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("GET", requestUrl, null, additionalHeaders || {});
    });
  }
  del(requestUrl, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("DELETE", requestUrl, null, additionalHeaders || {});
    });
  }
  post(requestUrl, data, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("POST", requestUrl, data, additionalHeaders || {});
    });
  }
  patch(requestUrl, data, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("PATCH", requestUrl, data, additionalHeaders || {});
    });
  }
  put(requestUrl, data, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("PUT", requestUrl, data, additionalHeaders || {});
    });
  }
  head(requestUrl, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("HEAD", requestUrl, null, additionalHeaders || {});
    });
  }
  sendStream(verb, requestUrl, stream, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request(verb, requestUrl, stream, additionalHeaders);
    });
  }
  /**
   * Gets a typed object from an endpoint
   * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
   */
  getJson(requestUrl_1) {
    return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
      additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
      const res = yield this.get(requestUrl, additionalHeaders);
      return this._processResponse(res, this.requestOptions);
    });
  }
  postJson(requestUrl_1, obj_1) {
    return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
      const data = JSON.stringify(obj, null, 2);
      additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
      additionalHeaders[Headers.ContentType] = this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
      const res = yield this.post(requestUrl, data, additionalHeaders);
      return this._processResponse(res, this.requestOptions);
    });
  }
  putJson(requestUrl_1, obj_1) {
    return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
      const data = JSON.stringify(obj, null, 2);
      additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
      additionalHeaders[Headers.ContentType] = this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
      const res = yield this.put(requestUrl, data, additionalHeaders);
      return this._processResponse(res, this.requestOptions);
    });
  }
  patchJson(requestUrl_1, obj_1) {
    return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
      const data = JSON.stringify(obj, null, 2);
      additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
      additionalHeaders[Headers.ContentType] = this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
      const res = yield this.patch(requestUrl, data, additionalHeaders);
      return this._processResponse(res, this.requestOptions);
    });
  }
  /**
   * Makes a raw http request.
   * All other methods such as get, post, patch, and request ultimately call this.
   * Prefer get, del, post and patch
   */
  request(verb, requestUrl, data, headers) {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._disposed) {
        throw new Error("Client has already been disposed.");
      }
      const parsedUrl = new URL(requestUrl);
      let info2 = this._prepareRequest(verb, parsedUrl, headers);
      const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb) ? this._maxRetries + 1 : 1;
      let numTries = 0;
      let response;
      do {
        response = yield this.requestRaw(info2, data);
        if (response && response.message && response.message.statusCode === HttpCodes.Unauthorized) {
          let authenticationHandler;
          for (const handler of this.handlers) {
            if (handler.canHandleAuthentication(response)) {
              authenticationHandler = handler;
              break;
            }
          }
          if (authenticationHandler) {
            return authenticationHandler.handleAuthentication(this, info2, data);
          } else {
            return response;
          }
        }
        let redirectsRemaining = this._maxRedirects;
        while (response.message.statusCode && HttpRedirectCodes.includes(response.message.statusCode) && this._allowRedirects && redirectsRemaining > 0) {
          const redirectUrl = response.message.headers["location"];
          if (!redirectUrl) {
            break;
          }
          const parsedRedirectUrl = new URL(redirectUrl);
          if (parsedUrl.protocol === "https:" && parsedUrl.protocol !== parsedRedirectUrl.protocol && !this._allowRedirectDowngrade) {
            throw new Error("Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.");
          }
          yield response.readBody();
          if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
            for (const header in headers) {
              if (header.toLowerCase() === "authorization") {
                delete headers[header];
              }
            }
          }
          info2 = this._prepareRequest(verb, parsedRedirectUrl, headers);
          response = yield this.requestRaw(info2, data);
          redirectsRemaining--;
        }
        if (!response.message.statusCode || !HttpResponseRetryCodes.includes(response.message.statusCode)) {
          return response;
        }
        numTries += 1;
        if (numTries < maxTries) {
          yield response.readBody();
          yield this._performExponentialBackoff(numTries);
        }
      } while (numTries < maxTries);
      return response;
    });
  }
  /**
   * Needs to be called if keepAlive is set to true in request options.
   */
  dispose() {
    if (this._agent) {
      this._agent.destroy();
    }
    this._disposed = true;
  }
  /**
   * Raw request.
   * @param info
   * @param data
   */
  requestRaw(info2, data) {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve, reject) => {
        function callbackForResult(err, res) {
          if (err) {
            reject(err);
          } else if (!res) {
            reject(new Error("Unknown error"));
          } else {
            resolve(res);
          }
        }
        this.requestRawWithCallback(info2, data, callbackForResult);
      });
    });
  }
  /**
   * Raw request with callback.
   * @param info
   * @param data
   * @param onResult
   */
  requestRawWithCallback(info2, data, onResult) {
    if (typeof data === "string") {
      if (!info2.options.headers) {
        info2.options.headers = {};
      }
      info2.options.headers["Content-Length"] = Buffer.byteLength(data, "utf8");
    }
    let callbackCalled = false;
    function handleResult(err, res) {
      if (!callbackCalled) {
        callbackCalled = true;
        onResult(err, res);
      }
    }
    const req = info2.httpModule.request(info2.options, (msg) => {
      const res = new HttpClientResponse(msg);
      handleResult(void 0, res);
    });
    let socket;
    req.on("socket", (sock) => {
      socket = sock;
    });
    req.setTimeout(this._socketTimeout || 3 * 6e4, () => {
      if (socket) {
        socket.end();
      }
      handleResult(new Error(`Request timeout: ${info2.options.path}`));
    });
    req.on("error", function(err) {
      handleResult(err);
    });
    if (data && typeof data === "string") {
      req.write(data, "utf8");
    }
    if (data && typeof data !== "string") {
      data.on("close", function() {
        req.end();
      });
      data.pipe(req);
    } else {
      req.end();
    }
  }
  /**
   * Gets an http agent. This function is useful when you need an http agent that handles
   * routing through a proxy server - depending upon the url and proxy environment variables.
   * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
   */
  getAgent(serverUrl) {
    const parsedUrl = new URL(serverUrl);
    return this._getAgent(parsedUrl);
  }
  getAgentDispatcher(serverUrl) {
    const parsedUrl = new URL(serverUrl);
    const proxyUrl = getProxyUrl(parsedUrl);
    const useProxy = proxyUrl && proxyUrl.hostname;
    if (!useProxy) {
      return;
    }
    return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
  }
  _prepareRequest(method, requestUrl, headers) {
    const info2 = {};
    info2.parsedUrl = requestUrl;
    const usingSsl = info2.parsedUrl.protocol === "https:";
    info2.httpModule = usingSsl ? https : http;
    const defaultPort = usingSsl ? 443 : 80;
    info2.options = {};
    info2.options.host = info2.parsedUrl.hostname;
    info2.options.port = info2.parsedUrl.port ? parseInt(info2.parsedUrl.port) : defaultPort;
    info2.options.path = (info2.parsedUrl.pathname || "") + (info2.parsedUrl.search || "");
    info2.options.method = method;
    info2.options.headers = this._mergeHeaders(headers);
    if (this.userAgent != null) {
      info2.options.headers["user-agent"] = this.userAgent;
    }
    info2.options.agent = this._getAgent(info2.parsedUrl);
    if (this.handlers) {
      for (const handler of this.handlers) {
        handler.prepareRequest(info2.options);
      }
    }
    return info2;
  }
  _mergeHeaders(headers) {
    if (this.requestOptions && this.requestOptions.headers) {
      return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
    }
    return lowercaseKeys(headers || {});
  }
  /**
   * Gets an existing header value or returns a default.
   * Handles converting number header values to strings since HTTP headers must be strings.
   * Note: This returns string | string[] since some headers can have multiple values.
   * For headers that must always be a single string (like Content-Type), use the
   * specialized _getExistingOrDefaultContentTypeHeader method instead.
   */
  _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
    let clientHeader;
    if (this.requestOptions && this.requestOptions.headers) {
      const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
      if (headerValue) {
        clientHeader = typeof headerValue === "number" ? headerValue.toString() : headerValue;
      }
    }
    const additionalValue = additionalHeaders[header];
    if (additionalValue !== void 0) {
      return typeof additionalValue === "number" ? additionalValue.toString() : additionalValue;
    }
    if (clientHeader !== void 0) {
      return clientHeader;
    }
    return _default;
  }
  /**
   * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
   * Always returns a single string (not an array) since Content-Type should be a single value.
   * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
   * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
   * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
   */
  _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
    let clientHeader;
    if (this.requestOptions && this.requestOptions.headers) {
      const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
      if (headerValue) {
        if (typeof headerValue === "number") {
          clientHeader = String(headerValue);
        } else if (Array.isArray(headerValue)) {
          clientHeader = headerValue.join(", ");
        } else {
          clientHeader = headerValue;
        }
      }
    }
    const additionalValue = additionalHeaders[Headers.ContentType];
    if (additionalValue !== void 0) {
      if (typeof additionalValue === "number") {
        return String(additionalValue);
      } else if (Array.isArray(additionalValue)) {
        return additionalValue.join(", ");
      } else {
        return additionalValue;
      }
    }
    if (clientHeader !== void 0) {
      return clientHeader;
    }
    return _default;
  }
  _getAgent(parsedUrl) {
    let agent;
    const proxyUrl = getProxyUrl(parsedUrl);
    const useProxy = proxyUrl && proxyUrl.hostname;
    if (this._keepAlive && useProxy) {
      agent = this._proxyAgent;
    }
    if (!useProxy) {
      agent = this._agent;
    }
    if (agent) {
      return agent;
    }
    const usingSsl = parsedUrl.protocol === "https:";
    let maxSockets = 100;
    if (this.requestOptions) {
      maxSockets = this.requestOptions.maxSockets || http.globalAgent.maxSockets;
    }
    if (proxyUrl && proxyUrl.hostname) {
      const agentOptions = {
        maxSockets,
        keepAlive: this._keepAlive,
        proxy: Object.assign(Object.assign({}, (proxyUrl.username || proxyUrl.password) && {
          proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
        }), { host: proxyUrl.hostname, port: proxyUrl.port })
      };
      let tunnelAgent;
      const overHttps = proxyUrl.protocol === "https:";
      if (usingSsl) {
        tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
      } else {
        tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
      }
      agent = tunnelAgent(agentOptions);
      this._proxyAgent = agent;
    }
    if (!agent) {
      const options = { keepAlive: this._keepAlive, maxSockets };
      agent = usingSsl ? new https.Agent(options) : new http.Agent(options);
      this._agent = agent;
    }
    if (usingSsl && this._ignoreSslError) {
      agent.options = Object.assign(agent.options || {}, {
        rejectUnauthorized: false
      });
    }
    return agent;
  }
  _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
    let proxyAgent;
    if (this._keepAlive) {
      proxyAgent = this._proxyAgentDispatcher;
    }
    if (proxyAgent) {
      return proxyAgent;
    }
    const usingSsl = parsedUrl.protocol === "https:";
    proxyAgent = new ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, (proxyUrl.username || proxyUrl.password) && {
      token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString("base64")}`
    }));
    this._proxyAgentDispatcher = proxyAgent;
    if (usingSsl && this._ignoreSslError) {
      proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
        rejectUnauthorized: false
      });
    }
    return proxyAgent;
  }
  _getUserAgentWithOrchestrationId(userAgent) {
    const baseUserAgent = userAgent || "actions/http-client";
    const orchId = process.env["ACTIONS_ORCHESTRATION_ID"];
    if (orchId) {
      const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, "_");
      return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
    }
    return baseUserAgent;
  }
  _performExponentialBackoff(retryNumber) {
    return __awaiter(this, void 0, void 0, function* () {
      retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
      const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
      return new Promise((resolve) => setTimeout(() => resolve(), ms));
    });
  }
  _processResponse(res, options) {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
        const statusCode = res.message.statusCode || 0;
        const response = {
          statusCode,
          result: null,
          headers: {}
        };
        if (statusCode === HttpCodes.NotFound) {
          resolve(response);
        }
        function dateTimeDeserializer(key, value) {
          if (typeof value === "string") {
            const a = new Date(value);
            if (!isNaN(a.valueOf())) {
              return a;
            }
          }
          return value;
        }
        let obj;
        let contents;
        try {
          contents = yield res.readBody();
          if (contents && contents.length > 0) {
            if (options && options.deserializeDates) {
              obj = JSON.parse(contents, dateTimeDeserializer);
            } else {
              obj = JSON.parse(contents);
            }
            response.result = obj;
          }
          response.headers = res.message.headers;
        } catch (err) {
        }
        if (statusCode > 299) {
          let msg;
          if (obj && obj.message) {
            msg = obj.message;
          } else if (contents && contents.length > 0) {
            msg = contents;
          } else {
            msg = `Failed request: (${statusCode})`;
          }
          const err = new HttpClientError(msg, statusCode);
          err.result = response.result;
          reject(err);
        } else {
          resolve(response);
        }
      }));
    });
  }
};
var lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => (c[k.toLowerCase()] = obj[k], c), {});

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os3.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os3.EOL);
}
function startGroup(name) {
  issue("group", name);
}
function endGroup() {
  issue("endgroup");
}

// node_modules/@actions/github/lib/context.js
var import_fs = __toESM(require_fs());
var import_os = __toESM(require_os());
var Context = class {
  /**
   * Hydrate the context from the environment
   */
  constructor() {
    var _a, _b, _c;
    this.payload = {};
    if (process.env.GITHUB_EVENT_PATH) {
      if ((0, import_fs.existsSync)(process.env.GITHUB_EVENT_PATH)) {
        this.payload = JSON.parse((0, import_fs.readFileSync)(process.env.GITHUB_EVENT_PATH, { encoding: "utf8" }));
      } else {
        const path = process.env.GITHUB_EVENT_PATH;
        process.stdout.write(`GITHUB_EVENT_PATH ${path} does not exist${import_os.EOL}`);
      }
    }
    this.eventName = process.env.GITHUB_EVENT_NAME;
    this.sha = process.env.GITHUB_SHA;
    this.ref = process.env.GITHUB_REF;
    this.workflow = process.env.GITHUB_WORKFLOW;
    this.action = process.env.GITHUB_ACTION;
    this.actor = process.env.GITHUB_ACTOR;
    this.job = process.env.GITHUB_JOB;
    this.runAttempt = parseInt(process.env.GITHUB_RUN_ATTEMPT, 10);
    this.runNumber = parseInt(process.env.GITHUB_RUN_NUMBER, 10);
    this.runId = parseInt(process.env.GITHUB_RUN_ID, 10);
    this.apiUrl = (_a = process.env.GITHUB_API_URL) !== null && _a !== void 0 ? _a : `https://api.github.com`;
    this.serverUrl = (_b = process.env.GITHUB_SERVER_URL) !== null && _b !== void 0 ? _b : `https://github.com`;
    this.graphqlUrl = (_c = process.env.GITHUB_GRAPHQL_URL) !== null && _c !== void 0 ? _c : `https://api.github.com/graphql`;
  }
  get issue() {
    const payload = this.payload;
    return Object.assign(Object.assign({}, this.repo), { number: (payload.issue || payload.pull_request || payload).number });
  }
  get repo() {
    if (process.env.GITHUB_REPOSITORY) {
      const [owner, repo] = process.env.GITHUB_REPOSITORY.split("/");
      return { owner, repo };
    }
    if (this.payload.repository) {
      return {
        owner: this.payload.repository.owner.login,
        repo: this.payload.repository.name
      };
    }
    throw new Error("context.repo requires a GITHUB_REPOSITORY environment variable like 'owner/repo'");
  }
};

// node_modules/@actions/github/lib/github.js
var context = new Context();

// src/event.ts
function readEventContext() {
  const payload = context.payload ?? {};
  const env = process.env;
  const repository = env.GITHUB_REPOSITORY ?? text(field(payload, "repository", "full_name")) ?? "unknown/unknown";
  const serverUrl = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, "");
  const runId = env.GITHUB_RUN_ID ?? "";
  return {
    name: context.eventName || "unknown",
    payload,
    repository,
    serverUrl,
    sha: context.sha || text(field(payload, "after")) || "",
    ref: context.ref || text(field(payload, "ref")) || "",
    actor: context.actor || text(field(payload, "sender", "login")) || "",
    runId,
    job: context.job || "",
    runUrl: runId === "" ? void 0 : `${serverUrl}/${repository}/actions/runs/${runId}`
  };
}
function field(value, ...path) {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null || Array.isArray(current)) return void 0;
    current = current[key];
  }
  return current;
}
function text(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}

// src/markdown.ts
function markdownToText(markdown) {
  const lines = markdown.replace(/\r\n?/g, "\n").replace(/<!--[\s\S]*?-->/g, "").split("\n");
  const out = [];
  let fence;
  for (const line of lines) {
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenceMark !== void 0 && (fence === void 0 || fenceMark.startsWith(fence))) {
      fence = fence === void 0 ? fenceMark : void 0;
      continue;
    }
    if (fence !== void 0) {
      out.push(line);
      continue;
    }
    const text2 = blockLine(line);
    if (text2 !== void 0) out.push(text2);
  }
  return out.join("\n").replace(/[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n").replace(/^\n+|\s+$/g, "");
}
function blockLine(line) {
  if (/^\s*\[[^\]]+\]:\s+\S+/.test(line)) return void 0;
  if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) return void 0;
  if (line.includes("|") && /^[\s|:-]*-[\s|:-]*$/.test(line)) return void 0;
  let text2 = line;
  text2 = text2.replace(/^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/, "$1");
  text2 = text2.replace(/^(\s*>)+\s?/, "");
  text2 = text2.replace(/^(\s*)[-*+]\s+\[[ xX]\]\s+/, "$1\u2022 ");
  text2 = text2.replace(/^(\s*)[-*+]\s+/, "$1\u2022 ");
  if (/^\s*\|.*\|\s*$/.test(text2)) {
    text2 = text2.trim().slice(1, -1).split("|").map((cell2) => cell2.trim()).join(" \xB7 ");
  }
  return inline(text2);
}
var ESCAPED = /\\([\\`*_{}[\]()#+\-.!|>~<])/g;
var SET_ASIDE = /[\u{F0000}-\u{F007F}]/gu;
function inline(text2) {
  if (!/[\\`*_~[<&]/.test(text2)) return text2;
  return text2.replace(ESCAPED, (_all, char) => String.fromCodePoint(983040 + char.charCodeAt(0))).replace(/<(https?:\/\/[^>\s]+)>/g, "$1").replace(/<\/?[A-Za-z][^>]*>/g, "").replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, "$1").replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1").replace(/`+([^`]+?)`+/g, "$1").replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2").replace(/(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])/g, "$1").replace(/(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])/g, "$1").replace(/~~(?=\S)(.+?)(?<=\S)~~/g, "$1").replace(/&nbsp;/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(SET_ASIDE, (char) => String.fromCharCode((char.codePointAt(0) ?? 983040) - 983040));
}

// src/template.ts
var TemplateError = class extends Error {
  constructor(input, message) {
    super(`Input \`${input}\` ${message}`);
    this.input = input;
    this.name = "TemplateError";
  }
  input;
};
var PLACEHOLDER = /\{\{(.*?)\}\}/g;
var PATH = /^[A-Za-z_][\w-]*(?:\.[\w-]+)*$/;
function placeholderPaths(template, input) {
  return [...template.matchAll(PLACEHOLDER)].map(([whole, inner = ""]) => {
    const path = inner.trim();
    if (!PATH.test(path)) {
      throw new TemplateError(
        input,
        `has the placeholder ${whole}, which is not a path such as {{ event.release.tag_name }}.`
      );
    }
    return path;
  });
}
function fillString(template, context2, input) {
  const [path, ...others] = placeholderPaths(template, input);
  if (path !== void 0 && others.length === 0 && /^\{\{[^{}]*\}\}$/.test(template)) {
    return lookup(context2, path, input);
  }
  return fillText(template, context2, input);
}
function fillText(template, context2, input) {
  placeholderPaths(template, input);
  return template.replace(
    PLACEHOLDER,
    (_whole, inner) => asText(lookup(context2, inner.trim(), input))
  );
}
function fillTree(value, context2, input) {
  if (typeof value === "string") return fillString(value, context2, input);
  if (Array.isArray(value)) return value.map((item) => fillTree(item, context2, input));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, fillTree(item, context2, input)])
    );
  }
  return value;
}
function treePaths(value, input) {
  if (typeof value === "string") return placeholderPaths(value, input);
  if (Array.isArray(value)) return value.flatMap((item) => treePaths(item, input));
  if (typeof value === "object" && value !== null) {
    return Object.values(value).flatMap((item) => treePaths(item, input));
  }
  return [];
}
async function yamlParserFor(text2) {
  if (text2 === "" || isJson(text2)) return void 0;
  const { parse } = (await import("./chunks/yaml.js")).default;
  return (source) => parse(source, { prettyErrors: false, maxAliasCount: 50 });
}
function isJson(text2) {
  try {
    JSON.parse(text2);
    return true;
  } catch {
    return false;
  }
}
function parseDataTemplate(text2, input, parseYaml) {
  let parsed;
  try {
    parsed = JSON.parse(text2);
  } catch (jsonError) {
    try {
      if (!parseYaml) throw jsonError;
      parsed = parseYaml(text2);
    } catch (error2) {
      const reason = error2 instanceof Error ? error2.message.split("\n")[0] : String(error2);
      throw new TemplateError(input, `is neither valid JSON nor valid YAML: ${reason}`);
    }
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new TemplateError(
      input,
      `must be a JSON or YAML object (a mapping of keys to values), such as {"type": 1, "content": "{{ announcement.title }}"}.`
    );
  }
  treePaths(parsed, input);
  return parsed;
}
function lookup(context2, path, input) {
  let current = context2;
  const walked = [];
  for (const key of path.split(".")) {
    const where = walked.length === 0 ? "the template context" : walked.join(".");
    if (typeof current !== "object" || current === null) {
      throw new TemplateError(
        input,
        `refers to {{ ${path} }}, but ${where} is ${current === null ? "null" : `a ${typeof current}`}, with no key "${key}".`
      );
    }
    if (!Object.hasOwn(current, key)) {
      const keys = Object.keys(current);
      const near = nearest(key, keys);
      const hint = keys.length === 0 ? `${where} is empty in this event.` : `Nearest keys in ${where}: ${near.join(", ")}.`;
      throw new TemplateError(input, `refers to {{ ${path} }}, which is not known: ${hint}`);
    }
    current = current[key];
    walked.push(key);
  }
  return current;
}
function asText(value) {
  if (value === null || value === void 0) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
function nearest(key, keys) {
  const wanted = key.toLowerCase();
  const score = (candidate) => {
    const lower = candidate.toLowerCase();
    const contains = lower.includes(wanted) || wanted.includes(lower);
    return (contains ? 0 : 1e3) + editDistance(wanted, lower);
  };
  return keys.map((candidate) => ({ candidate, score: score(candidate) })).sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate)).slice(0, 3).map(({ candidate }) => candidate);
}
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

// src/announcement.ts
var ANNOUNCEMENT_KINDS = ["release", "deploy", "manual"];
var DEPLOY_EVENTS = /* @__PURE__ */ new Set(["deployment", "deployment_status"]);
function kindOf(event, template) {
  if (template !== "auto") return template;
  if (event.name === "release") return "release";
  if (event.name === "push" && event.ref.startsWith("refs/tags/")) return "release";
  if (DEPLOY_EVENTS.has(event.name)) return "deploy";
  return "manual";
}
function announce(event, template) {
  const common = {
    event: event.name,
    repository: event.repository,
    sha: event.sha,
    ref: event.ref,
    actor: event.actor,
    runUrl: event.runUrl,
    url: void 0,
    timestamp: text(field(event.payload, "head_commit", "timestamp"))
  };
  const kind = kindOf(event, template);
  const specific = kind === "release" ? release(event) : kind === "deploy" ? deploy(event) : manual(event);
  return {
    ...common,
    ...specific,
    url: specific.url ?? common.url,
    timestamp: specific.timestamp ?? common.timestamp
  };
}
var RELEASE_VERBS = {
  edited: "release notes updated",
  deleted: "release withdrawn",
  unpublished: "release unpublished"
};
function release(event) {
  const payload = event.payload;
  const release2 = field(payload, "release");
  const tag = event.ref.startsWith("refs/tags/") ? event.ref.slice("refs/tags/".length) : void 0;
  const version2 = text(field(release2, "tag_name")) ?? tag;
  const action = text(field(payload, "action"));
  const prerelease = field(release2, "prerelease") === true || action === "prereleased";
  const draft = field(release2, "draft") === true;
  const verb = (action && RELEASE_VERBS[action]) ?? (draft ? "release drafted" : prerelease ? "pre-released" : "released");
  const notes = text(field(release2, "body")) ?? (release2 === void 0 ? text(field(payload, "head_commit", "message")) : void 0) ?? "";
  return {
    kind: "release",
    title: text(field(release2, "name")) ?? version2 ?? event.repository,
    text: markdownToText(notes),
    url: text(field(release2, "html_url")) ?? (tag === void 0 ? void 0 : `${event.serverUrl}/${event.repository}/tree/${tag}`),
    desc: [event.repository, version2, verb].filter(Boolean).join(" "),
    version: version2,
    prerelease,
    action,
    author: text(field(release2, "author", "login")),
    environment: void 0,
    state: void 0,
    timestamp: text(field(release2, "published_at")) ?? text(field(release2, "created_at"))
  };
}
function deploy(event) {
  const payload = event.payload;
  const deployment = field(payload, "deployment");
  const status = field(payload, "deployment_status");
  const environment = text(field(status, "environment")) ?? text(field(deployment, "environment")) ?? "an environment";
  const state = text(field(status, "state")) ?? (deployment === void 0 ? void 0 : "created");
  const ref = text(field(deployment, "ref"));
  const shown = ref === void 0 ? "" : ` ${/^[0-9a-f]{40}$/.test(ref) ? ref.slice(0, 7) : ref}`;
  const title = state === "success" ? `${event.repository}${shown} deployed to ${environment}` : state === "failure" || state === "error" ? `${event.repository}${shown} failed to deploy to ${environment}` : state === "inactive" ? `${event.repository} deployment to ${environment} is inactive` : `${event.repository}${shown} deploying to ${environment}`;
  return {
    kind: "deploy",
    title,
    text: text(field(status, "description")) ?? text(field(deployment, "description")) ?? title,
    url: text(field(status, "environment_url")) ?? text(field(status, "target_url")) ?? text(field(status, "log_url")),
    desc: title,
    version: void 0,
    prerelease: void 0,
    action: text(field(payload, "action")),
    author: text(field(status, "creator", "login")) ?? text(field(deployment, "creator", "login")),
    environment,
    state,
    timestamp: text(field(status, "updated_at")) ?? text(field(status, "created_at")) ?? text(field(deployment, "created_at"))
  };
}
function manual(event) {
  const title = `${event.repository} announcement`;
  return {
    kind: "manual",
    title,
    text: title,
    desc: title,
    version: void 0,
    prerelease: void 0,
    action: text(field(event.payload, "action")),
    author: void 0,
    environment: void 0,
    state: void 0
  };
}
function announcementData(a, truncated = false) {
  return {
    v: 1,
    kind: a.kind,
    event: a.event,
    title: a.title,
    text: a.text,
    url: a.url,
    truncated,
    version: a.version,
    prerelease: a.prerelease,
    action: a.action,
    author: a.author,
    environment: a.environment,
    state: a.state,
    repository: a.repository,
    sha: a.sha,
    ref: a.ref,
    actor: a.actor,
    run_url: a.runUrl,
    timestamp: a.timestamp
  };
}
function templateContext(event, defaults) {
  const payload = event.payload;
  const optional = (key) => {
    const value = field(payload, key);
    return value === void 0 ? {} : { [key]: value };
  };
  return {
    event: payload,
    ...optional("release"),
    ...optional("deployment"),
    ...optional("deployment_status"),
    ...optional("client_payload"),
    inputs: field(payload, "inputs") ?? field(payload, "client_payload") ?? {},
    repository: event.repository,
    sha: event.sha,
    ref: event.ref,
    actor: event.actor,
    run_url: event.runUrl ?? "",
    announcement: JSON.parse(JSON.stringify(announcementData(defaults)))
  };
}
function applyOverrides(defaults, overrides, context2) {
  const fill = (input) => overrides[input] === "" ? void 0 : fillText(overrides[input], context2, input);
  const title = fill("title");
  const message = fill("message");
  const desc = fill("desc");
  const manual2 = defaults.kind === "manual";
  return {
    ...defaults,
    title: title ?? defaults.title,
    text: message ?? (manual2 ? title ?? defaults.text : defaults.text),
    desc: desc ?? (manual2 ? title ?? message ?? defaults.desc : defaults.desc)
  };
}

// src/budget.ts
var MAX_MESSAGE_BYTES = 12e3;
var graphemes;
function cutPoints(text2) {
  graphemes ??= new Intl.Segmenter("en", { granularity: "grapheme" });
  const points = [0];
  for (const { index, segment } of graphemes.segment(text2)) points.push(index + segment.length);
  return points;
}
var LINE_END_REACH = 0.25;
function cutToFit(text2, fits, ellipsis = "\u2026") {
  if (fits(text2)) return text2;
  const points = cutPoints(text2);
  const cut = (end2) => `${text2.slice(0, end2).trimEnd()}${ellipsis}`;
  let low = 0;
  let high = points.length - 2;
  if (!fits(cut(0))) return void 0;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(cut(points[middle] ?? 0))) low = middle;
    else high = middle - 1;
  }
  const end = points[low] ?? 0;
  const lineEnd = text2.lastIndexOf("\n", end);
  if (lineEnd > 0 && lineEnd >= end * (1 - LINE_END_REACH)) {
    const atLine = `${text2.slice(0, lineEnd).trimEnd()}
${ellipsis}`;
    if (fits(atLine)) return atLine;
  }
  return cut(end);
}
function serializedBytes(msgBody) {
  return Buffer.byteLength(JSON.stringify(msgBody), "utf8");
}
function oneLine(text2, max) {
  const first = text2.split("\n").find((line) => line.trim() !== "") ?? "";
  const trimmed = first.trim();
  if (trimmed.length <= max) return trimmed;
  const points = cutPoints(trimmed);
  if (points.length - 1 <= max) return trimmed;
  return `${trimmed.slice(0, points[max - 1] ?? 0).trimEnd()}\u2026`;
}

// src/regions.ts
var REGIONS = {
  china: { primary: "console.tim.qq.com", backup: "adminapi.my-imcloud.com" },
  singapore: { primary: "adminapisgp.im.qcloud.com", backup: "adminapisgp.my-imcloud.com" },
  seoul: { primary: "adminapikr.im.qcloud.com", backup: "adminapikr.my-imcloud.com" },
  tokyo: { primary: "adminapijpn.im.qcloud.com", backup: void 0 },
  frankfurt: { primary: "adminapiger.im.qcloud.com", backup: "adminapiger.my-imcloud.com" },
  mumbai: { primary: "adminapiind.im.qcloud.com", backup: "adminapiind.my-imcloud.com" },
  "silicon-valley": { primary: "adminapiusa.im.qcloud.com", backup: "adminapiusa.my-imcloud.com" },
  jakarta: { primary: "adminapiidn.im.qcloud.com", backup: "adminapiidn.my-imcloud.com" }
};
var REGION_NAMES = Object.keys(REGIONS);
function isRegion(value) {
  return Object.hasOwn(REGIONS, value);
}
function baseUrls(target) {
  if (target.endpoint) return [target.endpoint];
  const { primary, backup } = REGIONS[target.region];
  const urls = [new URL(`https://${primary}`)];
  if (backup !== void 0) urls.push(new URL(`https://${backup}`));
  return urls;
}

// src/config.ts
var TEMPLATE_CHOICES = ["auto", ...ANNOUNCEMENT_KINDS];
var DEFAULTS = {
  "admin-identifier": "administrator",
  region: "china",
  "user-sig-ttl": "300",
  "timeout-seconds": "10",
  template: "auto",
  "text-element": "false",
  "max-bytes": String(MAX_MESSAGE_BYTES),
  retries: "5",
  "fail-on-error": "true",
  "dry-run": "false"
};
var U32_MAX = 4294967295;
var MAX_ACCOUNT_BYTES = 32;
var ConfigError = class extends Error {
  constructor(problems) {
    super(problems.join("\n"));
    this.problems = problems;
    this.name = "ConfigError";
  }
  problems;
};
function parseConfig(raw, parseYaml) {
  const problems = [];
  const input = (name) => raw[name] === "" && name in DEFAULTS ? DEFAULTS[name] : raw[name];
  const fail = (name, message) => {
    problems.push(`Input \`${name}\` ${message}`);
    return void 0;
  };
  const integer = (name, min, max, what) => {
    const text2 = input(name);
    if (!/^\d+$/.test(text2)) return fail(name, `must be ${what}; got ${quote(text2)}.`);
    const value = Number(text2);
    if (value < min || value > max) return fail(name, `must be ${what}; got ${text2}.`);
    return value;
  };
  const boolean = (name) => {
    const text2 = input(name);
    if (/^(true|True|TRUE)$/.test(text2)) return true;
    if (/^(false|False|FALSE)$/.test(text2)) return false;
    return fail(name, `must be \`true\` or \`false\`; got ${quote(text2)}.`);
  };
  const template = (check) => {
    try {
      return check();
    } catch (error2) {
      if (!(error2 instanceof TemplateError)) throw error2;
      problems.push(error2.message);
      return void 0;
    }
  };
  const account = (name) => {
    const text2 = input(name);
    if (text2 === "") return void 0;
    if (/[\s\p{Cc}]/u.test(text2) || Buffer.byteLength(text2) > MAX_ACCOUNT_BYTES) {
      return fail(
        name,
        `must be a Tencent Chat account ID: at most ${MAX_ACCOUNT_BYTES} bytes, no spaces or control characters; got ${quote(text2)}.`
      );
    }
    return text2;
  };
  const sdkAppId = raw["sdk-app-id"] === "" ? fail("sdk-app-id", "is required: the SDKAppID from the Tencent Chat console (digits only).") : integer("sdk-app-id", 1, U32_MAX, "the SDKAppID from the Tencent Chat console, digits only");
  const dryRun = boolean("dry-run");
  const secretKey = raw["secret-key"];
  const userSig = raw["user-sig"];
  let credentials;
  if (secretKey !== "" && userSig !== "") {
    fail("secret-key", "and input `user-sig` are both set: give exactly one of them.");
  } else if (secretKey !== "") {
    credentials = { kind: "secret-key", secretKey };
  } else if (userSig !== "") {
    credentials = { kind: "user-sig", userSig };
  } else if (dryRun !== true) {
    fail(
      "secret-key",
      "or input `user-sig` is required: give the app key (the action signs a UserSig with it) or a ready UserSig."
    );
  }
  const adminIdentifier = account("admin-identifier");
  const regionText = input("region");
  const region = isRegion(regionText) ? regionText : fail("region", `must be one of ${REGION_NAMES.join(", ")}; got ${quote(regionText)}.`);
  let endpoint;
  const endpointText = input("endpoint");
  if (endpointText !== "") {
    endpoint = URL.canParse(endpointText) ? new URL(endpointText) : void 0;
    if (!endpoint || !["http:", "https:"].includes(endpoint.protocol) || endpoint.hostname === "") {
      endpoint = fail(
        "endpoint",
        `must be an http:// or https:// base URL; got ${quote(endpointText)}.`
      );
    } else if (endpoint.search !== "" || endpoint.hash !== "" || endpoint.username !== "") {
      endpoint = fail(
        "endpoint",
        "must be a plain base URL without query, fragment or credentials; the action adds the query itself."
      );
    }
  }
  const fromAccount = account("from-account");
  const cloudCustomData = input("cloud-custom-data") || void 0;
  const random = input("random") === "" ? void 0 : integer("random", 0, U32_MAX, `an unsigned 32-bit integer, 0 to ${U32_MAX}`);
  const userSigTtl = integer("user-sig-ttl", 1, 86400, "a whole number of seconds from 1 to 86400");
  const timeoutSeconds = integer(
    "timeout-seconds",
    1,
    120,
    "a whole number of seconds from 1 to 120"
  );
  const templateText = input("template");
  const templateChoice = TEMPLATE_CHOICES.find((choice) => choice === templateText);
  if (templateChoice === void 0) {
    fail("template", `must be one of ${TEMPLATE_CHOICES.join(", ")}; got ${quote(templateText)}.`);
  }
  const overrides = { title: raw.title, message: raw.message, desc: raw.desc };
  for (const name of ["title", "message", "desc"]) {
    template(() => placeholderPaths(raw[name], name));
  }
  const dataTemplate = raw.data === "" ? void 0 : template(() => parseDataTemplate(raw.data, "data", parseYaml));
  const textElement = boolean("text-element");
  const maxBytes = integer(
    "max-bytes",
    256,
    MAX_MESSAGE_BYTES,
    `a whole number of bytes from 256 to ${MAX_MESSAGE_BYTES}`
  );
  const retries = integer("retries", 0, 20, "a whole number of retries from 0 to 20");
  const failOnError = boolean("fail-on-error");
  if (problems.length > 0 || sdkAppId === void 0 || dryRun === void 0 || adminIdentifier === void 0 || region === void 0 || userSigTtl === void 0 || timeoutSeconds === void 0 || templateChoice === void 0 || textElement === void 0 || maxBytes === void 0 || retries === void 0 || failOnError === void 0) {
    throw new ConfigError(problems);
  }
  return {
    sdkAppId,
    credentials,
    adminIdentifier,
    region,
    endpoint,
    fromAccount,
    cloudCustomData,
    random,
    userSigTtl,
    timeoutSeconds,
    template: templateChoice,
    overrides,
    dataTemplate,
    textElement,
    maxBytes,
    retries,
    failOnError,
    dryRun
  };
}
function quote(text2) {
  const shown = text2.length > 80 ? `${text2.slice(0, 80)}\u2026` : text2;
  return JSON.stringify(shown);
}

// src/secrets.ts
var known = /* @__PURE__ */ new Set();
function registerSecret(value) {
  for (const form of /* @__PURE__ */ new Set([value, encodeURIComponent(value)])) {
    if (form === "" || known.has(form)) continue;
    known.add(form);
    setSecret(form);
  }
}
function scrub(text2) {
  let out = text2;
  for (const secret of [...known].sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join("***");
  }
  return out;
}

// src/inputs.ts
var INPUT_NAMES = [
  "sdk-app-id",
  "secret-key",
  "user-sig",
  "admin-identifier",
  "region",
  "endpoint",
  "from-account",
  "cloud-custom-data",
  "random",
  "user-sig-ttl",
  "timeout-seconds",
  "template",
  "title",
  "message",
  "desc",
  "data",
  "text-element",
  "max-bytes",
  "retries",
  "fail-on-error",
  "dry-run"
];
var SECRET_INPUTS = ["secret-key", "user-sig"];
function readInputs() {
  const raw = Object.fromEntries(
    INPUT_NAMES.map((name) => [name, getInput(name)])
  );
  for (const name of SECRET_INPUTS) registerSecret(raw[name]);
  const given = INPUT_NAMES.filter((name) => raw[name] !== "").map(
    (name) => SECRET_INPUTS.includes(name) ? `${name}=***` : `${name}=${JSON.stringify(raw[name])}`
  );
  debug(`Inputs given: ${given.join(", ") || "none"}`);
  return raw;
}

// src/message.ts
var import_node_crypto = __toESM(require_node_crypto(), 1);
var MAX_LINE_CHARACTERS = 150;
var MessageTooLargeError = class extends Error {
  constructor(bytes, maxBytes) {
    super(
      `The announcement needs ${bytes} bytes even with its free text cut, over the limit of ${maxBytes}: shorten \`title\`, \`desc\` or \`data\`, or raise \`max-bytes\` (at most 12000).`
    );
    this.name = "MessageTooLargeError";
  }
};
function renderMessage(a, options) {
  const desc = oneLine(a.desc, MAX_LINE_CHARACTERS);
  const line = a.url === void 0 ? desc : `${desc} ${a.url}`;
  const build = (data2) => [
    {
      MsgType: "TIMCustomElem",
      MsgContent: { Data: JSON.stringify(data2), Desc: desc, Ext: a.kind }
    },
    ...options.textElement ? [{ MsgType: "TIMTextElem", MsgContent: { Text: line } }] : []
  ];
  const fits = (data2) => serializedBytes(build(data2)) <= options.maxBytes;
  let data = options.dataTemplate ? fillTree(options.dataTemplate, options.context, "data") : announcementData(a);
  let truncated = false;
  if (!fits(data)) {
    for (const path of freeTexts(data, a, options.dataTemplate === void 0)) {
      const original = valueAt(data, path);
      if (typeof original !== "string") continue;
      const elsewhere = a.url === void 0 || JSON.stringify(withValue(data, path, "")).includes(a.url);
      const ellipsis = elsewhere || options.textElement ? "\u2026" : `\u2026 ${a.url}`;
      const cut = cutToFit(
        original,
        (candidate) => fits(withValue(data, path, candidate)),
        ellipsis
      );
      data = withValue(data, path, cut ?? "");
      truncated = true;
      if (cut !== void 0) break;
    }
    if (truncated && options.dataTemplate === void 0) data = { ...data, truncated: true };
  }
  const msgBody = build(data);
  const bytes = serializedBytes(msgBody);
  if (bytes > options.maxBytes) throw new MessageTooLargeError(bytes, options.maxBytes);
  return { msgBody, data: JSON.stringify(data), desc, bytes, truncated };
}
function freeTexts(data, a, defaultShape) {
  if (defaultShape) return [["text"], ["title"]];
  const leaves = [];
  const walk = (value, path) => {
    if (typeof value === "string") {
      if (value !== a.url && value !== a.version) leaves.push({ path, length: value.length });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, [...path, index]));
    } else if (typeof value === "object" && value !== null) {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    }
  };
  walk(data, []);
  return leaves.sort((x, y) => y.length - x.length).map(({ path }) => path);
}
function valueAt(data, path) {
  return path.reduce(
    (node, key) => node?.[key],
    data
  );
}
function withValue(data, path, value) {
  const replace = (node, depth) => {
    if (depth === path.length) return value;
    const key = path[depth];
    if (Array.isArray(node)) {
      return node.map((item, i) => i === key ? replace(item, depth + 1) : item);
    }
    const object = node;
    return { ...object, [key]: replace(object[key], depth + 1) };
  };
  return replace(data, 0);
}
function derivedRandom(origin, content) {
  const digest = (0, import_node_crypto.createHash)("sha256").update(JSON.stringify([origin.repository, origin.runId, origin.job, content])).digest();
  return digest.readUInt32BE(0);
}
function buildBody(options) {
  return {
    ...options.fromAccount === void 0 ? {} : { From_Account: options.fromAccount },
    Random: options.random,
    MsgBody: options.msgBody,
    ...options.cloudCustomData === void 0 ? {} : { CloudCustomData: options.cloudCustomData }
  };
}

// src/tencent-errors.ts
var backOff = "Tencent is rate-limiting this app; retry later or space out broadcasts.";
var checkRegion = "Check `region` (or `endpoint`): the SDKAppID must be called on the domain of the region it was created in.";
var checkKey = "Check `secret-key` and `sdk-app-id`: the key must be the one the Tencent Chat console shows for this SDKAppID.";
var TENCENT_ERRORS = {
  10002: {
    meaning: "internal server error",
    retry: "yes",
    remedy: "A transient Tencent failure; run the job again."
  },
  10003: {
    meaning: "invalid command word",
    retry: "no",
    remedy: "The request path is wrong; if `endpoint` is a proxy, check that it forwards the path unchanged."
  },
  10004: {
    meaning: "invalid parameter",
    retry: "no",
    remedy: "The message was rejected as malformed or over 12,000 bytes; check `from-account`, `cloud-custom-data` and the announcement size."
  },
  10007: {
    meaning: "no permission",
    retry: "no",
    remedy: 'Switch on "Broadcast messaging of audio-video group" in the Tencent Chat console (Ultimate edition), and set `admin-identifier` to the app admin account.'
  },
  10023: {
    meaning: "message frequency limit reached",
    retry: "yes",
    remedy: "Broadcasts are limited to 1 per second (Ultimate) or 5 (Enterprise); space out the jobs that announce."
  },
  60002: {
    meaning: "HTTP parse error",
    retry: "no",
    remedy: "The request URL was malformed; if `endpoint` is a proxy, check that it forwards the query unchanged."
  },
  60003: {
    meaning: "request JSON parse error",
    retry: "no",
    remedy: "The body did not arrive as valid JSON; if `endpoint` is a proxy, check that it forwards the body unchanged."
  },
  60004: {
    meaning: "account or signature error",
    retry: "no",
    remedy: "Check `admin-identifier`, `from-account` and the UserSig."
  },
  60005: {
    meaning: "account or signature error",
    retry: "no",
    remedy: "Check `admin-identifier`, `from-account` and the UserSig."
  },
  60006: {
    meaning: "invalid SDKAppID",
    retry: "no",
    remedy: "Check `sdk-app-id` against the Tencent Chat console."
  },
  60007: { meaning: "REST API call frequency limit", retry: "yes", remedy: backOff },
  60008: {
    meaning: "service timeout or bad HTTP request",
    retry: "yes",
    remedy: "A transient Tencent failure; run the job again."
  },
  60009: {
    meaning: "wrong request resource",
    retry: "no",
    remedy: "The request path is wrong; if `endpoint` is a proxy, check that it forwards the path unchanged."
  },
  60010: {
    meaning: "the request needs the app admin",
    retry: "no",
    remedy: "Set `admin-identifier` to the app admin account from the Tencent Chat console."
  },
  60011: { meaning: "SDKAppID call frequency limit", retry: "yes", remedy: backOff },
  60012: {
    meaning: "SDKAppID missing from the URL",
    retry: "no",
    remedy: "Check `sdk-app-id`; if `endpoint` is a proxy, check that it forwards the query unchanged."
  },
  60016: {
    meaning: "SDKAppID disabled",
    retry: "no",
    remedy: "The app is disabled; check its status in the Tencent Chat console."
  },
  60017: {
    meaning: "request disabled",
    retry: "no",
    remedy: "This API is disabled for the app; check the Tencent Chat console."
  },
  60018: { meaning: "too many requests", retry: "yes", remedy: backOff },
  60019: { meaning: "too many requests", retry: "yes", remedy: backOff },
  60020: {
    meaning: "paid package expired",
    retry: "no",
    remedy: "Renew the Tencent Chat package for this app."
  },
  60021: {
    meaning: "caller IP not allowed",
    retry: "no",
    remedy: "The app has an IP allowlist; GitHub-hosted runners change IPs, so remove the allowlist or use a self-hosted runner (or a proxy through `endpoint`) with a fixed IP."
  },
  70001: {
    meaning: "UserSig expired",
    retry: "new-usersig",
    remedy: "Check the runner clock, or raise `user-sig-ttl`; with `user-sig`, give a fresh one (or use `secret-key`)."
  },
  70002: {
    meaning: "UserSig empty",
    retry: "no",
    remedy: "Give `secret-key` or a non-empty `user-sig`."
  },
  70003: {
    meaning: "UserSig invalid",
    retry: "no",
    remedy: "The UserSig could not be read; check `user-sig`, or use `secret-key` and let the action sign."
  },
  70005: {
    meaning: "UserSig cannot be parsed",
    retry: "no",
    remedy: "The UserSig could not be read; check `user-sig`, or use `secret-key` and let the action sign."
  },
  70009: { meaning: "UserSig check failed (wrong key or SDKAppID)", retry: "no", remedy: checkKey },
  70013: {
    meaning: "identifier differs from the UserSig",
    retry: "no",
    remedy: "The UserSig was signed for another account; set `admin-identifier` to the account it was signed for."
  },
  70014: {
    meaning: "SDKAppID differs from the UserSig",
    retry: "no",
    remedy: "The UserSig was signed for another app; check `sdk-app-id`."
  },
  70016: { meaning: "key not found for this SDKAppID", retry: "no", remedy: checkRegion },
  70020: {
    meaning: "SDKAppID not found",
    retry: "no",
    remedy: `${checkRegion} Also check \`sdk-app-id\`.`
  },
  70050: {
    meaning: "too many failed UserSig checks",
    retry: "after-60s",
    remedy: `Tencent locks out an app after repeated bad signatures; wait a minute. ${checkKey}`
  },
  70051: {
    meaning: "account blocklisted",
    retry: "no",
    remedy: "The admin account is blocklisted; check it in the Tencent Chat console."
  },
  70052: {
    meaning: "UserSig invalidated",
    retry: "new-usersig",
    remedy: "The UserSig was revoked; use `secret-key` so the action signs a fresh one."
  },
  70107: {
    meaning: "UserID not imported",
    retry: "no",
    remedy: "Import the account first, or check `from-account` and `admin-identifier`."
  },
  70169: {
    meaning: "server timeout",
    retry: "yes",
    remedy: "A transient Tencent failure; run the job again."
  },
  70202: {
    meaning: "server timeout",
    retry: "yes",
    remedy: "A transient Tencent failure; run the job again."
  },
  70398: {
    meaning: "account-count limit (trial edition)",
    retry: "no",
    remedy: "Upgrade the Tencent Chat edition or remove unused accounts."
  },
  70402: {
    meaning: "invalid parameter",
    retry: "no",
    remedy: "Check `from-account` and `admin-identifier`."
  },
  70403: {
    meaning: "the request needs the app admin",
    retry: "no",
    remedy: "Set `admin-identifier` to the app admin account from the Tencent Chat console."
  },
  70500: {
    meaning: "internal error",
    retry: "yes",
    remedy: "A transient Tencent failure; run the job again."
  }
};
function describeError(code) {
  return TENCENT_ERRORS[code] ?? {
    meaning: "unlisted error",
    retry: "no",
    remedy: "See https://intl.cloud.tencent.com/document/product/1047/34348 for this code."
  };
}

// src/outputs.ts
function setPayloadOutputs(body, message) {
  setOutput("random", String(body.Random));
  setOutput("payload", JSON.stringify(body));
  setOutput("truncated", String(message.truncated));
}
function setTriesOutput(tries) {
  setOutput("tries", String(tries));
}
function setSentOutputs(msgSeq) {
  setOutput("msg-seq", String(msgSeq));
  setOutput("status", "sent");
  setOutput("error-code", "");
  setOutput("error-info", "");
}
function setDryRunOutputs() {
  setOutput("status", "dry-run");
}
function setFailedOutputs(errorCode, errorInfo) {
  setOutput("status", "failed");
  setOutput("error-code", errorCode);
  setOutput("error-info", errorInfo);
}
function explainFailure(delivery) {
  if (delivery.reason === "tencent") {
    const { meaning, remedy } = describeError(delivery.code);
    const info2 = delivery.info === "" ? "" : `: ${delivery.info}`;
    return { what: `Tencent Chat answered ErrorCode ${delivery.code} (${meaning})${info2}.`, remedy };
  }
  if (delivery.reason === "network") {
    return {
      what: `The request did not reach Tencent Chat: ${delivery.info}.`,
      remedy: "Check `region`, `endpoint` and the runner's network or proxy."
    };
  }
  return {
    what: `Tencent Chat gave an unexpected answer (${delivery.info}).`,
    remedy: "Check `endpoint`: it must point at the Tencent Chat REST API or a proxy of it."
  };
}

// src/delivery.ts
var import_node_crypto2 = __toESM(require_node_crypto(), 1);

// src/version.ts
var version = true ? "0.1.0" : "source";
var USER_AGENT = `tencent-chat-broadcast-action/${version}`;

// src/delivery.ts
var BROADCAST_PATH = "v4/group_open_http_svc/send_broadcast_msg";
function broadcastUrl(target, random) {
  const base = new URL(target.base.href.endsWith("/") ? target.base.href : `${target.base.href}/`);
  const url = new URL(BROADCAST_PATH, base);
  url.search = new URLSearchParams({
    sdkappid: String(target.sdkAppId),
    identifier: target.identifier,
    usersig: target.userSig,
    random: String(random),
    contenttype: "json"
  }).toString();
  return url;
}
function redactUrl(url) {
  const shown = new URL(url);
  if (shown.searchParams.has("usersig")) shown.searchParams.set("usersig", "***");
  return shown.toString();
}
async function sendOnce(target, body, timeoutSeconds) {
  const url = broadcastUrl(target, (0, import_node_crypto2.randomInt)(0, 2 ** 32));
  setSecret(url.toString());
  debug(`POST ${redactUrl(url)}`);
  const client = new HttpClient(USER_AGENT, [], {
    allowRetries: false,
    keepAlive: false,
    socketTimeout: timeoutSeconds * 1e3
  });
  try {
    const response = await client.post(url.toString(), JSON.stringify(body), {
      "Content-Type": "application/json; charset=utf-8"
    });
    const status = response.message.statusCode ?? 0;
    const text2 = await response.readBody();
    debug(`HTTP ${status}: ${scrub(text2.slice(0, 500))}`);
    if (status !== 200) {
      return { ok: false, reason: "http", code: void 0, info: `HTTP ${status}`, status };
    }
    return parseAnswer(text2);
  } catch (error2) {
    const message = error2 instanceof Error ? error2.message : String(error2);
    return { ok: false, reason: "network", code: void 0, info: scrub(message) };
  } finally {
    client.dispose();
  }
}
function parseAnswer(text2) {
  let answer;
  try {
    answer = JSON.parse(text2);
  } catch {
    return { ok: false, reason: "malformed", code: void 0, info: "the answer is not JSON" };
  }
  if (typeof answer !== "object" || answer === null) {
    return {
      ok: false,
      reason: "malformed",
      code: void 0,
      info: "the answer is not a JSON object"
    };
  }
  const { ActionStatus, ErrorCode, ErrorInfo, MsgSeq } = answer;
  const info2 = typeof ErrorInfo === "string" ? scrub(ErrorInfo) : "";
  if (typeof ErrorCode !== "number" || !Number.isInteger(ErrorCode)) {
    return { ok: false, reason: "malformed", code: void 0, info: "the answer has no ErrorCode" };
  }
  if (ErrorCode !== 0 || ActionStatus !== "OK") {
    return { ok: false, reason: "tencent", code: ErrorCode, info: info2 };
  }
  if (typeof MsgSeq !== "number" || !Number.isInteger(MsgSeq)) {
    return { ok: false, reason: "malformed", code: void 0, info: "the answer has no MsgSeq" };
  }
  return { ok: true, msgSeq: MsgSeq };
}

// src/retry-policy.ts
var RATE_LIMIT_CODES = /* @__PURE__ */ new Set([10023, 60007, 60011, 60018, 60019]);
function nextStep(failure, canSign) {
  switch (failure.reason) {
    case "network":
      return "network";
    case "malformed":
      return "retry";
    case "http":
      if (failure.status === 429) return "rate-limited";
      return failure.status >= 500 ? "retry" : "stop";
    case "tencent": {
      if (RATE_LIMIT_CODES.has(failure.code)) return "rate-limited";
      const { retry } = describeError(failure.code);
      if (retry === "yes") return "retry";
      if (retry === "new-usersig") return canSign ? "new-usersig" : "stop";
      if (retry === "after-60s") return "after-60s";
      return "stop";
    }
  }
}
var RATE_LIMIT_WAIT_MS = 1e3;
var RATE_LIMIT_JITTER_MS = 300;
var LOCKOUT_WAIT_MS = 6e4;
var BACKOFF_BASE_MS = 500;
var BACKOFF_CAP_MS = 8e3;
function waitBefore(next, retry, random) {
  switch (next) {
    case "rate-limited":
      return RATE_LIMIT_WAIT_MS + Math.floor(random() * RATE_LIMIT_JITTER_MS);
    case "after-60s":
      return LOCKOUT_WAIT_MS + Math.floor(random() * 1e3);
    case "stop":
      return 0;
    default: {
      const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retry);
      return Math.floor(ceiling * (0.1 + 0.9 * random()));
    }
  }
}

// src/send.ts
var realClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random()
};
function overallBudgetMs(retries, timeoutSeconds) {
  return (retries + 1) * timeoutSeconds * 1e3 + 6e4;
}
async function send(options) {
  const clock = options.clock ?? realClock;
  const started = clock.now();
  const deadline = started + overallBudgetMs(options.retries, options.timeoutSeconds);
  let base = 0;
  let userSig = options.userSig();
  let tries = 0;
  let retriesUsed = 0;
  for (; ; ) {
    tries++;
    const target = options.bases[base] ?? options.bases[0];
    const timeout = Math.max(1, Math.min(options.timeoutSeconds, (deadline - clock.now()) / 1e3));
    const delivery = await sendOnce(
      { base: target, sdkAppId: options.sdkAppId, identifier: options.identifier, userSig },
      options.body,
      timeout
    );
    const result = (gaveUp) => ({
      delivery,
      tries,
      durationMs: clock.now() - started,
      host: target.host,
      gaveUp
    });
    if (delivery.ok) return result(void 0);
    const next = nextStep(delivery, options.canSign);
    if (next === "stop") return result(void 0);
    if (options.retries === 0) return result("`retries` is 0");
    if (next !== "rate-limited" && ++retriesUsed > options.retries) {
      return result(`all ${options.retries} retries were used`);
    }
    const wait = waitBefore(next, retriesUsed, () => clock.random());
    if (clock.now() + wait + 1e3 > deadline) {
      return result("the time budget of this step ran out");
    }
    const seconds = (wait / 1e3).toFixed(1);
    let plan = `${describe(next)} in ${seconds} s`;
    const backup = next === "network" ? options.bases[base + 1] : void 0;
    if (backup) {
      base++;
      plan = `falling over to the backup domain ${backup.host} in ${seconds} s`;
    }
    if (next === "new-usersig") userSig = options.userSig();
    info(`Try ${tries} failed (${delivery.info}); ${plan}.`);
    await clock.sleep(wait);
  }
}
function describe(next) {
  switch (next) {
    case "rate-limited":
      return "Tencent asked to slow down, trying again";
    case "new-usersig":
      return "trying again with a freshly signed UserSig";
    case "after-60s":
      return "Tencent locked signature checks for a minute, trying again";
    default:
      return "trying again";
  }
}

// src/signature.ts
var import_tls_sig_api_v2 = __toESM(require_TLSSigAPIv2(), 1);
function resolveUserSig(sdkAppId, identifier, ttlSeconds, credentials) {
  const userSig = credentials.kind === "user-sig" ? credentials.userSig : new import_tls_sig_api_v2.Api(sdkAppId, credentials.secretKey).genUserSig(identifier, ttlSeconds);
  registerSecret(userSig);
  return userSig;
}

// src/summary.ts
var import_node_fs = __toESM(require_node_fs(), 1);
var HEADINGS = {
  sent: "\u{1F4E3} Tencent Chat broadcast sent",
  "dry-run": "\u{1F50E} Tencent Chat broadcast: dry run, nothing sent",
  failed: "\u274C Tencent Chat broadcast failed"
};
var PREVIEW_LINES = 12;
function renderSummary(facts) {
  const rows = [];
  const { message, target, failure } = facts;
  if (message) {
    rows.push(["Kind", message.kind], ["Title", message.title]);
  }
  if (target) rows.push(["Target", `${target.host} \xB7 SDKAppID ${target.sdkAppId}`]);
  if (facts.msgSeq !== void 0) rows.push(["MsgSeq", String(facts.msgSeq)]);
  if (facts.random !== void 0) rows.push(["Random", String(facts.random)]);
  if (message) {
    const cut = message.truncated ? " (free text cut to fit)" : "";
    rows.push(["Size", `${thousands(message.bytes)} of ${thousands(message.maxBytes)} bytes${cut}`]);
  }
  if (facts.tries !== void 0) rows.push(["Tries", String(facts.tries)]);
  rows.push(["Duration", `${(facts.durationMs / 1e3).toFixed(1)} s`]);
  const parts = [
    `## ${HEADINGS[facts.status]}`,
    "",
    "| | |",
    "| --- | --- |",
    ...rows.map(([name, value]) => `| ${name} | ${cell(value)} |`),
    ""
  ];
  if (failure) {
    parts.push(
      "### What went wrong",
      "",
      escape(failure.what),
      "",
      `**What to do:** ${escape(failure.remedy)}`,
      ""
    );
  }
  if (message) {
    const lines = message.text.split("\n");
    const shown = lines.slice(0, PREVIEW_LINES).map((line) => `> ${escape(line)}`);
    if (lines.length > PREVIEW_LINES) shown.push(`> \u2026`);
    parts.push(
      "### What a live room shows",
      "",
      `**Push line (Desc):** ${escape(message.desc)}`,
      "",
      `> **${escape(message.title)}**`,
      ">",
      ...shown,
      "",
      "<details><summary>Data (what the app receives)</summary>",
      "",
      "```json",
      pretty(message.data),
      "```",
      "",
      "</details>",
      ""
    );
  }
  return scrub(parts.join("\n"));
}
function writeSummary(facts) {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    (0, import_node_fs.appendFileSync)(file, `${renderSummary(facts)}
`);
  } catch (error2) {
    debug(`No job summary: ${scrub(error2 instanceof Error ? error2.message : String(error2))}`);
  }
}
function thousands(value) {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function escape(text2) {
  return text2.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function cell(text2) {
  return escape(text2).replace(/\|/g, "\\|").replace(/\n/g, " ");
}
function pretty(data) {
  try {
    return JSON.stringify(JSON.parse(data), null, 2).replace(/```/g, "`\u200B``");
  } catch {
    return data;
  }
}

// src/main.ts
async function run() {
  const started = Date.now();
  let facts = {};
  try {
    const raw = readInputs();
    const config = parseConfig(raw, await yamlParserFor(raw.data));
    const event = readEventContext();
    const defaults = announce(event, config.template);
    const context2 = templateContext(event, defaults);
    const announcement = applyOverrides(defaults, config.overrides, context2);
    const message = renderMessage(announcement, {
      dataTemplate: config.dataTemplate,
      context: context2,
      textElement: config.textElement,
      maxBytes: config.maxBytes
    });
    if (message.truncated) {
      notice(
        `The announcement was cut to fit ${config.maxBytes} bytes; the link to the full text is kept.`
      );
    }
    const content = {
      msgBody: message.msgBody,
      fromAccount: config.fromAccount,
      cloudCustomData: config.cloudCustomData
    };
    const body = buildBody({ ...content, random: config.random ?? derivedRandom(event, content) });
    setPayloadOutputs(body, message);
    const bases = baseUrls(config);
    facts = {
      message: {
        kind: announcement.kind,
        title: announcement.title,
        text: announcement.text,
        desc: message.desc,
        data: message.data,
        bytes: message.bytes,
        maxBytes: config.maxBytes,
        truncated: message.truncated
      },
      target: { host: bases[0].host, sdkAppId: config.sdkAppId },
      random: body.Random
    };
    if (config.dryRun || config.credentials === void 0) {
      setDryRunOutputs();
      info(
        `Dry run: the ${announcement.kind} announcement "${message.desc}" (${message.bytes} bytes) was rendered and checked; nothing was sent.`
      );
      startGroup("Payload");
      info(JSON.stringify(body, null, 2));
      endGroup();
      writeSummary({ status: "dry-run", durationMs: Date.now() - started, ...facts });
      return;
    }
    const { credentials } = config;
    info(
      `Broadcasting the ${announcement.kind} announcement "${message.desc}" (${message.bytes} bytes) to every live room of SDKAppID ${config.sdkAppId} via ${bases[0].host}`
    );
    const result = await send({
      bases,
      sdkAppId: config.sdkAppId,
      identifier: config.adminIdentifier,
      userSig: () => resolveUserSig(config.sdkAppId, config.adminIdentifier, config.userSigTtl, credentials),
      canSign: credentials.kind === "secret-key",
      body,
      timeoutSeconds: config.timeoutSeconds,
      retries: config.retries
    });
    setTriesOutput(result.tries);
    facts = {
      ...facts,
      tries: result.tries,
      target: { host: result.host, sdkAppId: config.sdkAppId }
    };
    const { delivery } = result;
    if (delivery.ok) {
      setSentOutputs(delivery.msgSeq);
      info(
        `Delivered: MsgSeq ${delivery.msgSeq}, Random ${body.Random}, after ${result.tries} ${result.tries === 1 ? "try" : "tries"}.`
      );
      writeSummary({
        status: "sent",
        durationMs: Date.now() - started,
        ...facts,
        msgSeq: delivery.msgSeq
      });
      return;
    }
    setFailedOutputs(delivery.code === void 0 ? "" : String(delivery.code), delivery.info);
    const explanation = explainFailure(delivery);
    const gaveUp = result.gaveUp === void 0 ? "" : ` Gave up after ${result.tries} tries: ${result.gaveUp}.`;
    const text2 = `${explanation.what} ${explanation.remedy}${gaveUp}`;
    if (config.failOnError) setFailed(text2);
    else warning(`${text2} The step goes on because \`fail-on-error\` is false.`);
    writeSummary({
      status: "failed",
      durationMs: Date.now() - started,
      ...facts,
      failure: { ...explanation, what: `${explanation.what}${gaveUp}` }
    });
  } catch (error2) {
    setFailedOutputs("", "");
    const known2 = error2 instanceof ConfigError || error2 instanceof TemplateError || error2 instanceof MessageTooLargeError;
    const message = scrub(error2 instanceof Error ? error2.message : String(error2));
    if (!known2) debug(scrub(error2 instanceof Error ? error2.stack ?? message : message));
    setFailed(known2 ? message : `Unexpected failure: ${message}`);
    writeSummary({
      status: "failed",
      durationMs: Date.now() - started,
      ...facts,
      failure: {
        what: message,
        remedy: known2 ? "Fix the inputs named above; nothing was sent." : "Please report this as a bug."
      }
    });
  }
}

// src/index.ts
await run();
//# sourceMappingURL=index.js.map
