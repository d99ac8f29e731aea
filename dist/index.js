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

// builtin:node:crypto
var require_node_crypto = __commonJS({
  "builtin:node:crypto"(exports, module) {
    module.exports = __require("node:crypto");
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
    Api2.prototype._genUserbuf = function(account2, dwAuthID, dwExpTime, dwPrivilegeMap, dwAccountType, roomstr) {
      let accountLength = account2.length;
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
        userBuf[offset] = account2.charCodeAt(offset - 3);
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

// src/dependencies.ts
var import_node_fs = __toESM(require_node_fs(), 1);

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

// not-bundled:undici
var missing = (name) => function() {
  throw new Error(`undici.${name} is not bundled: the action's requests go through Node's http/https.`);
};
var ProxyAgent = missing("ProxyAgent");
var fetch = missing("fetch");

// node_modules/@actions/http-client/lib/index.js
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

// src/dependencies.ts
var realClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random()
};
var realCore = {
  getInput,
  setOutput,
  setSecret,
  setFailed,
  debug,
  info,
  notice,
  warning,
  startGroup,
  endGroup
};
function realDependencies() {
  const env = process.env;
  return {
    core: realCore,
    clock: realClock,
    env,
    readFile: (path) => (0, import_node_fs.readFileSync)(path, "utf8"),
    // Written directly rather than through core.summary, whose module loads fs/promises at
    // start-up for what is one append of ready Markdown here. Outside a runner there is no file.
    writeSummary: (markdown) => {
      if (env.GITHUB_STEP_SUMMARY) (0, import_node_fs.appendFileSync)(env.GITHUB_STEP_SUMMARY, `${markdown}
`);
    },
    onCrash: (handler) => {
      process.on("uncaughtException", handler);
      process.on("unhandledRejection", handler);
    },
    // Unref'd: it fires only if something else still keeps Node alive a second later.
    finished: () => {
      setTimeout(() => process.exit(), 1e3).unref();
    }
  };
}

// src/input-error.ts
var InputError = class extends Error {
  constructor(message, remedy = "Fix the inputs named above; nothing was sent.") {
    super(message);
    this.remedy = remedy;
    this.name = new.target.name;
  }
  remedy;
};
var InvalidInput = class extends InputError {
  constructor(input, detail) {
    super(`Input \`${input}\` ${detail}`);
    this.input = input;
  }
  input;
};

// src/json.ts
function isJsonObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function field(value, ...path) {
  let current = value;
  for (const key of path) {
    if (!isJsonObject(current)) return void 0;
    current = current[key];
  }
  return current;
}
function nonEmpty(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
function isJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

// src/event.ts
function readEventContext(env, readFile) {
  const payload = readPayload(env.GITHUB_EVENT_PATH, readFile);
  const repository = nonEmpty(env.GITHUB_REPOSITORY) ?? nonEmpty(field(payload, "repository", "full_name")) ?? "unknown/unknown";
  const serverUrl = (nonEmpty(env.GITHUB_SERVER_URL) ?? "https://github.com").replace(/\/+$/, "");
  const runId = env.GITHUB_RUN_ID ?? "";
  return {
    name: nonEmpty(env.GITHUB_EVENT_NAME) ?? "unknown",
    payload,
    repository,
    serverUrl,
    sha: nonEmpty(env.GITHUB_SHA) ?? nonEmpty(field(payload, "after")) ?? "",
    ref: nonEmpty(env.GITHUB_REF) ?? nonEmpty(field(payload, "ref")) ?? "",
    actor: nonEmpty(env.GITHUB_ACTOR) ?? nonEmpty(field(payload, "sender", "login")) ?? "",
    runId,
    job: env.GITHUB_JOB ?? "",
    runUrl: runId === "" ? void 0 : `${serverUrl}/${repository}/actions/runs/${runId}`
  };
}
function readPayload(path, readFile) {
  if (!path) return {};
  const unusable = (why) => new InputError(
    `The event file GITHUB_EVENT_PATH names ${why}`,
    "The runner writes this file: check that no earlier step changed or replaced it. Nothing was sent."
  );
  let text;
  try {
    text = readFile(path);
  } catch (error2) {
    const reason = error2 instanceof Error ? error2.message : String(error2);
    throw unusable(`cannot be read: ${reason}`);
  }
  let payload;
  try {
    payload = JSON.parse(text);
  } catch (error2) {
    const reason = text.trim() === "" ? "it is empty" : error2.message;
    throw unusable(`is not JSON: ${reason}.`);
  }
  if (!isJsonObject(payload)) {
    throw unusable("does not hold a JSON object.");
  }
  return payload;
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
    const text = blockLine(line);
    if (text !== void 0) out.push(text);
  }
  return out.join("\n").replace(/[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n").replace(/^\n+|\s+$/g, "");
}
function blockLine(line) {
  if (/^\s*\[[^\]]+\]:\s+\S+/.test(line)) return void 0;
  if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) return void 0;
  if (line.includes("|") && /^[\s|:-]*-[\s|:-]*$/.test(line)) return void 0;
  let text = line;
  text = text.replace(/^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/, "$1");
  text = text.replace(/^(\s*>)+\s?/, "");
  text = text.replace(/^(\s*)[-*+]\s+\[[ xX]\]\s+/, "$1\u2022 ");
  text = text.replace(/^(\s*)[-*+]\s+/, "$1\u2022 ");
  if (/^\s*\|.*\|\s*$/.test(text)) {
    text = text.trim().slice(1, -1).split("|").map((cell2) => cell2.trim()).join(" \xB7 ");
  }
  return inline(text);
}
var ESCAPED = /\\([\\`*_{}[\]()#+\-.!|>~<])/g;
var SET_ASIDE = /[\u{F0000}-\u{F007F}]/gu;
function inline(text) {
  if (!/[\\`*_~[<&]/.test(text)) return text;
  return text.replace(ESCAPED, (_all, char) => String.fromCodePoint(983040 + char.charCodeAt(0))).replace(/<(https?:\/\/[^>\s]+)>/g, "$1").replace(/<\/?[A-Za-z][^>]*>/g, "").replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, "$1").replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1").replace(/`+([^`]+?)`+/g, "$1").replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2").replace(/(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])/g, "$1").replace(/(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])/g, "$1").replace(/~~(?=\S)(.+?)(?<=\S)~~/g, "$1").replace(/&nbsp;/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(SET_ASIDE, (char) => String.fromCharCode((char.codePointAt(0) ?? 983040) - 983040));
}

// src/template.ts
var PLACEHOLDER = /\{\{(.*?)\}\}/g;
var PATH = /^[A-Za-z_][\w-]*(?:\.[\w-]+)*$/;
function placeholderPaths(template, input) {
  return [...template.matchAll(PLACEHOLDER)].map(([whole, inner = ""]) => {
    const path = inner.trim();
    if (!PATH.test(path)) {
      throw new InvalidInput(
        input,
        `has the placeholder ${whole}, which is not a path such as {{ event.release.tag_name }}.`
      );
    }
    return path;
  });
}
function fillString(template, context, input) {
  const whole = /^\{\{([^{}]*)\}\}$/.exec(template);
  if (whole) return lookup(context, (whole[1] ?? "").trim(), input);
  return fillText(template, context, input);
}
function fillText(template, context, input) {
  return template.replace(
    PLACEHOLDER,
    (_whole, inner) => asText(lookup(context, inner.trim(), input))
  );
}
function fillTree(value, context, input) {
  if (typeof value === "string") return fillString(value, context, input);
  if (Array.isArray(value)) return value.map((item) => fillTree(item, context, input));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, fillTree(item, context, input)])
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
var parseJson = (text) => JSON.parse(text);
async function dataParserFor(text) {
  if (text === "" || isJson(text)) return parseJson;
  const { parse } = (await import("./chunks/yaml.js")).default;
  return (source) => parse(source, { prettyErrors: false, maxAliasCount: 50 });
}
function parseDataTemplate(text, input, parse) {
  let parsed;
  try {
    parsed = parse(text);
  } catch (error2) {
    const reason = error2 instanceof Error ? error2.message.split("\n")[0] : String(error2);
    throw new InvalidInput(input, `is neither valid JSON nor valid YAML: ${reason}`);
  }
  if (!isJsonObject(parsed)) {
    throw new InvalidInput(
      input,
      `must be a JSON or YAML object (a mapping of keys to values), such as {"type": 1, "content": "{{ announcement.title }}"}.`
    );
  }
  treePaths(parsed, input);
  return parsed;
}
function lookup(context, path, input) {
  let current = context;
  const walked = [];
  for (const key of path.split(".")) {
    const where = walked.length === 0 ? "the template context" : walked.join(".");
    if (typeof current !== "object" || current === null) {
      throw new InvalidInput(
        input,
        `refers to {{ ${path} }}, but ${where} is ${current === null ? "null" : `a ${typeof current}`}, with no key "${key}".`
      );
    }
    if (!Object.hasOwn(current, key)) {
      const keys = Object.keys(current);
      const near = nearest(key, keys);
      const hint = keys.length === 0 ? `${where} is empty in this event.` : `Nearest keys in ${where}: ${near.join(", ")}.`;
      throw new InvalidInput(input, `refers to {{ ${path} }}, which is not known: ${hint}`);
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
    timestamp: nonEmpty(field(event.payload, "head_commit", "timestamp"))
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
  const version2 = nonEmpty(field(release2, "tag_name")) ?? tag;
  const action = nonEmpty(field(payload, "action"));
  const prerelease = field(release2, "prerelease") === true || action === "prereleased";
  const draft = field(release2, "draft") === true;
  const verb = (action && RELEASE_VERBS[action]) ?? (draft ? "release drafted" : prerelease ? "pre-released" : "released");
  const notes = nonEmpty(field(release2, "body")) ?? (release2 === void 0 ? nonEmpty(field(payload, "head_commit", "message")) : void 0) ?? "";
  return {
    kind: "release",
    title: nonEmpty(field(release2, "name")) ?? version2 ?? event.repository,
    text: markdownToText(notes),
    url: nonEmpty(field(release2, "html_url")) ?? (tag === void 0 ? void 0 : `${event.serverUrl}/${event.repository}/tree/${tag}`),
    desc: [event.repository, version2, verb].filter(Boolean).join(" "),
    version: version2,
    prerelease,
    action,
    author: nonEmpty(field(release2, "author", "login")),
    environment: void 0,
    state: void 0,
    timestamp: nonEmpty(field(release2, "published_at")) ?? nonEmpty(field(release2, "created_at"))
  };
}
function deploy(event) {
  const payload = event.payload;
  const deployment = field(payload, "deployment");
  const status = field(payload, "deployment_status");
  const environment = nonEmpty(field(status, "environment")) ?? nonEmpty(field(deployment, "environment")) ?? "an environment";
  const state = nonEmpty(field(status, "state")) ?? (deployment === void 0 ? void 0 : "created");
  const ref = nonEmpty(field(deployment, "ref"));
  const shown = ref === void 0 ? "" : ` ${/^[0-9a-f]{40}$/.test(ref) ? ref.slice(0, 7) : ref}`;
  const title = state === "success" ? `${event.repository}${shown} deployed to ${environment}` : state === "failure" || state === "error" ? `${event.repository}${shown} failed to deploy to ${environment}` : state === "inactive" ? `${event.repository} deployment to ${environment} is inactive` : `${event.repository}${shown} deploying to ${environment}`;
  return {
    kind: "deploy",
    title,
    text: nonEmpty(field(status, "description")) ?? nonEmpty(field(deployment, "description")) ?? title,
    url: nonEmpty(field(status, "environment_url")) ?? nonEmpty(field(status, "target_url")) ?? nonEmpty(field(status, "log_url")),
    desc: title,
    version: void 0,
    prerelease: void 0,
    action: nonEmpty(field(payload, "action")),
    author: nonEmpty(field(status, "creator", "login")) ?? nonEmpty(field(deployment, "creator", "login")),
    environment,
    state,
    timestamp: nonEmpty(field(status, "updated_at")) ?? nonEmpty(field(status, "created_at")) ?? nonEmpty(field(deployment, "created_at"))
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
    action: nonEmpty(field(event.payload, "action")),
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
  const optional2 = (key) => {
    const value = field(payload, key);
    return value === void 0 ? {} : { [key]: value };
  };
  return {
    event: payload,
    ...optional2("release"),
    ...optional2("deployment"),
    ...optional2("deployment_status"),
    ...optional2("client_payload"),
    inputs: field(payload, "inputs") ?? field(payload, "client_payload") ?? {},
    repository: event.repository,
    sha: event.sha,
    ref: event.ref,
    actor: event.actor,
    run_url: event.runUrl ?? "",
    announcement: JSON.parse(JSON.stringify(announcementData(defaults)))
  };
}
function applyOverrides(defaults, overrides, context) {
  const fill = (input) => overrides[input] === "" ? void 0 : fillText(overrides[input], context, input);
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
function cutPoints(text) {
  graphemes ??= new Intl.Segmenter("en", { granularity: "grapheme" });
  const points = [0];
  for (const { index, segment } of graphemes.segment(text)) points.push(index + segment.length);
  return points;
}
var LINE_END_REACH = 0.25;
function cutToFit(text, fits, ellipsis = "\u2026") {
  if (fits(text)) return text;
  const points = cutPoints(text);
  const cut2 = (end2) => `${text.slice(0, end2).trimEnd()}${ellipsis}`;
  let low = 0;
  let high = points.length - 2;
  if (!fits(cut2(0))) return void 0;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(cut2(points[middle] ?? 0))) low = middle;
    else high = middle - 1;
  }
  const end = points[low] ?? 0;
  const lineEnd = text.lastIndexOf("\n", end);
  if (lineEnd > 0 && lineEnd >= end * (1 - LINE_END_REACH)) {
    const atLine = `${text.slice(0, lineEnd).trimEnd()}
${ellipsis}`;
    if (fits(atLine)) return atLine;
  }
  return cut2(end);
}
function serializedBytes(msgBody) {
  return Buffer.byteLength(JSON.stringify(msgBody), "utf8");
}
function oneLine(text, max) {
  const first = text.split("\n").find((line) => line.trim() !== "") ?? "";
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
function baseUrls(target) {
  if (target.endpoint) return [target.endpoint];
  const { primary, backup } = REGIONS[target.region];
  const urls = [new URL(`https://${primary}`)];
  if (backup !== void 0) urls.push(new URL(`https://${backup}`));
  return urls;
}

// src/inputs.ts
var U32_MAX = 4294967295;
var MAX_ACCOUNT_BYTES = 32;
function quote(text) {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}\u2026` : text);
}
var asIs = (text) => text;
function optional(parse) {
  return (text, context) => text === "" ? void 0 : parse(text, context);
}
function wholeNumber(min, max, what) {
  return (text, { name }) => {
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max) {
      throw new InvalidInput(name, `must be ${what}; got ${quote(text)}.`);
    }
    return value;
  };
}
var boolean = (text, { name }) => {
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  throw new InvalidInput(name, `must be \`true\` or \`false\`; got ${quote(text)}.`);
};
function oneOf(choices) {
  return (text, { name }) => {
    const choice = choices.find((candidate) => candidate === text);
    if (choice === void 0) {
      throw new InvalidInput(name, `must be one of ${choices.join(", ")}; got ${quote(text)}.`);
    }
    return choice;
  };
}
var account = (text, { name }) => {
  if (/[\s\p{Cc}]/u.test(text) || Buffer.byteLength(text) > MAX_ACCOUNT_BYTES) {
    throw new InvalidInput(
      name,
      `must be a Tencent Chat account ID: at most ${MAX_ACCOUNT_BYTES} bytes, no spaces or control characters; got ${quote(text)}.`
    );
  }
  return text;
};
var endpoint = (text, { name }) => {
  const url = URL.canParse(text) ? new URL(text) : void 0;
  if (!url || !["http:", "https:"].includes(url.protocol)) {
    throw new InvalidInput(name, `must be an http:// or https:// base URL; got ${quote(text)}.`);
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new InvalidInput(
      name,
      "must be a plain base URL without query, fragment or credentials; the action adds the query itself."
    );
  }
  return url;
};
var textTemplate = (text, { name }) => {
  placeholderPaths(text, name);
  return text;
};
var dataTemplate = (text, { name, parseData }) => parseDataTemplate(text, name, parseData);
var TEMPLATE_CHOICES = ["auto", ...ANNOUNCEMENT_KINDS];
var INPUTS = {
  "sdk-app-id": {
    required: "the SDKAppID from the Tencent Chat console (digits only)",
    parse: wholeNumber(1, U32_MAX, "the SDKAppID from the Tencent Chat console, digits only")
  },
  "secret-key": { secret: true, parse: optional(asIs) },
  "user-sig": { secret: true, parse: optional(asIs) },
  "admin-identifier": { default: "administrator", parse: account },
  region: { default: "china", parse: oneOf(REGION_NAMES) },
  endpoint: { parse: optional(endpoint) },
  "from-account": { parse: optional(account) },
  "cloud-custom-data": { parse: optional(asIs) },
  random: {
    parse: optional(wholeNumber(0, U32_MAX, `an unsigned 32-bit integer, 0 to ${U32_MAX}`))
  },
  "user-sig-ttl": {
    default: "300",
    parse: wholeNumber(1, 86400, "a whole number of seconds from 1 to 86400")
  },
  "timeout-seconds": {
    default: "10",
    parse: wholeNumber(1, 120, "a whole number of seconds from 1 to 120")
  },
  template: { default: "auto", parse: oneOf(TEMPLATE_CHOICES) },
  title: { parse: textTemplate },
  message: { parse: textTemplate },
  desc: { parse: textTemplate },
  data: { parse: optional(dataTemplate) },
  "text-element": { default: "false", parse: boolean },
  "max-bytes": {
    default: String(MAX_MESSAGE_BYTES),
    parse: wholeNumber(
      256,
      MAX_MESSAGE_BYTES,
      `a whole number of bytes from 256 to ${MAX_MESSAGE_BYTES}`
    )
  },
  retries: { default: "5", parse: wholeNumber(0, 20, "a whole number of retries from 0 to 20") },
  "fail-on-error": { default: "true", parse: boolean },
  "dry-run": { default: "false", parse: boolean }
};
var NAMES = Object.keys(INPUTS);
var spec = (name) => INPUTS[name];
function readInputs(core, secrets) {
  const raw = Object.fromEntries(NAMES.map((name) => [name, core.getInput(name)]));
  for (const name of NAMES) if (spec(name).secret) secrets.add(raw[name]);
  const given = NAMES.filter((name) => raw[name] !== "").map(
    (name) => spec(name).secret ? `${name}=***` : `${name}=${JSON.stringify(raw[name])}`
  );
  core.debug(`Inputs given: ${given.join(", ") || "none"}`);
  return raw;
}
function parseInputs(raw, parseData = parseJson) {
  const values = {};
  const problems = [];
  for (const name of NAMES) {
    const { default: fallback, required, parse } = spec(name);
    const text = raw[name] === "" ? fallback ?? "" : raw[name];
    if (text === "" && required !== void 0) {
      problems.push(`Input \`${name}\` is required: ${required}.`);
      continue;
    }
    try {
      values[name] = parse(text, { name, parseData });
    } catch (error2) {
      if (!(error2 instanceof InvalidInput)) throw error2;
      problems.push(error2.message);
    }
  }
  return { values, problems };
}

// src/config.ts
var ConfigError = class extends InputError {
  constructor(problems) {
    super(problems.join("\n"));
    this.problems = problems;
  }
  problems;
};
function parseConfig(raw, parseData) {
  const { values, problems } = parseInputs(raw, parseData);
  const secretKey = values["secret-key"];
  const userSig = values["user-sig"];
  let credentials;
  if (secretKey !== void 0 && userSig !== void 0) {
    problems.push("Input `secret-key` and input `user-sig` are both set: give exactly one of them.");
  } else if (secretKey !== void 0) {
    credentials = { kind: "secret-key", secretKey };
  } else if (userSig !== void 0) {
    credentials = { kind: "user-sig", userSig };
  } else if (values["dry-run"] === false) {
    problems.push(
      "Input `secret-key` or input `user-sig` is required: give the app key (the action signs a UserSig with it) or a ready UserSig."
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const v = values;
  return {
    sdkAppId: v["sdk-app-id"],
    credentials,
    adminIdentifier: v["admin-identifier"],
    region: v.region,
    endpoint: v.endpoint,
    fromAccount: v["from-account"],
    cloudCustomData: v["cloud-custom-data"],
    random: v.random,
    userSigTtl: v["user-sig-ttl"],
    timeoutSeconds: v["timeout-seconds"],
    template: v.template,
    overrides: { title: v.title, message: v.message, desc: v.desc },
    dataTemplate: v.data,
    textElement: v["text-element"],
    maxBytes: v["max-bytes"],
    retries: v.retries,
    failOnError: v["fail-on-error"],
    dryRun: v["dry-run"]
  };
}

// src/message.ts
var import_node_crypto = __toESM(require_node_crypto(), 1);
var MAX_LINE_CHARACTERS = 150;
var MessageTooLargeError = class extends InputError {
  constructor(bytes, maxBytes) {
    super(
      `The announcement needs ${bytes} bytes even with its free text cut, over the limit of ${maxBytes}: shorten \`title\`, \`desc\` or \`data\`, or raise \`max-bytes\` (at most ${MAX_MESSAGE_BYTES}).`
    );
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
    for (const { path, original } of freeTexts(data, a, options.dataTemplate === void 0)) {
      const elsewhere = a.url === void 0 || JSON.stringify(withValue(data, path, "")).includes(a.url);
      const ellipsis = elsewhere || options.textElement ? "\u2026" : `\u2026 ${a.url}`;
      const cut2 = cutToFit(
        original,
        (candidate) => fits(withValue(data, path, candidate)),
        ellipsis
      );
      data = withValue(data, path, cut2 ?? "");
      truncated = true;
      if (cut2 !== void 0) break;
    }
    if (truncated && options.dataTemplate === void 0) data = { ...data, truncated: true };
  }
  const msgBody = build(data);
  const bytes = serializedBytes(msgBody);
  if (bytes > options.maxBytes) throw new MessageTooLargeError(bytes, options.maxBytes);
  return { msgBody, data: JSON.stringify(data), desc, bytes, truncated };
}
function freeTexts(data, a, defaultShape) {
  if (defaultShape) {
    return [
      { path: ["text"], original: a.text },
      { path: ["title"], original: a.title }
    ];
  }
  const leaves = [];
  const walk = (value, path) => {
    if (typeof value === "string") {
      if (value !== a.url && value !== a.version) leaves.push({ path, original: value });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, [...path, index]));
    } else if (isJsonObject(value)) {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    }
  };
  walk(data, []);
  return leaves.sort((x, y) => y.original.length - x.original.length);
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
function broadcastBody(message, options) {
  const content = {
    msgBody: message.msgBody,
    fromAccount: options.fromAccount,
    cloudCustomData: options.cloudCustomData
  };
  return {
    ...content.fromAccount === void 0 ? {} : { From_Account: content.fromAccount },
    Random: options.random ?? derivedRandom(options.origin, content),
    MsgBody: content.msgBody,
    ...content.cloudCustomData === void 0 ? {} : { CloudCustomData: content.cloudCustomData }
  };
}
function derivedRandom(origin, content) {
  const digest = (0, import_node_crypto.createHash)("sha256").update(JSON.stringify([origin.repository, origin.runId, origin.job, content])).digest();
  return digest.readUInt32BE(0);
}

// src/plan.ts
function plan(raw, event, parseData) {
  const config = parseConfig(raw, parseData);
  const defaults = announce(event, config.template);
  const context = templateContext(event, defaults);
  const announcement = applyOverrides(defaults, config.overrides, context);
  const message = renderMessage(announcement, {
    dataTemplate: config.dataTemplate,
    context,
    textElement: config.textElement,
    maxBytes: config.maxBytes
  });
  const body = broadcastBody(message, {
    fromAccount: config.fromAccount,
    cloudCustomData: config.cloudCustomData,
    random: config.random,
    origin: event
  });
  return { config, announcement, message, body, bases: baseUrls(config) };
}

// src/summary.ts
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
    const cut2 = message.truncated ? " (free text cut to fit)" : "";
    rows.push(["Size", `${thousands(message.bytes)} of ${thousands(message.maxBytes)} bytes${cut2}`]);
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
  return parts.join("\n");
}
function thousands(value) {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function escape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function cell(text) {
  return escape(text).replace(/\|/g, "\\|").replace(/\n/g, " ");
}
function pretty(data) {
  try {
    return JSON.stringify(JSON.parse(data), null, 2).replace(/```/g, "`\u200B``");
  } catch {
    return data;
  }
}

// src/tencent-errors.ts
var backOff = "Tencent is rate-limiting this app; retry later or space out broadcasts.";
var transient = "A transient Tencent failure; run the job again.";
var checkPath = "The request path is wrong; if `endpoint` is a proxy, check that it forwards the path unchanged.";
var checkAccounts = "Check `admin-identifier`, `from-account` and the UserSig.";
var needsAdmin = "Set `admin-identifier` to the app admin account from the Tencent Chat console.";
var unreadableUserSig = "The UserSig could not be read; check `user-sig`, or use `secret-key` and let the action sign.";
var checkRegion = "Check `region` (or `endpoint`): the SDKAppID must be called on the domain of the region it was created in.";
var checkKey = "Check `secret-key` and `sdk-app-id`: the key must be the one the Tencent Chat console shows for this SDKAppID.";
var TENCENT_ERRORS = {
  10002: {
    meaning: "internal server error",
    retry: "yes",
    remedy: transient
  },
  10003: {
    meaning: "invalid command word",
    retry: "no",
    remedy: checkPath
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
    remedy: checkAccounts
  },
  60005: {
    meaning: "account or signature error",
    retry: "no",
    remedy: checkAccounts
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
    remedy: transient
  },
  60009: {
    meaning: "wrong request resource",
    retry: "no",
    remedy: checkPath
  },
  60010: {
    meaning: "the request needs the app admin",
    retry: "no",
    remedy: needsAdmin
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
    remedy: unreadableUserSig
  },
  70005: {
    meaning: "UserSig cannot be parsed",
    retry: "no",
    remedy: unreadableUserSig
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
    remedy: transient
  },
  70202: {
    meaning: "server timeout",
    retry: "yes",
    remedy: transient
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
    remedy: needsAdmin
  },
  70500: {
    meaning: "internal error",
    retry: "yes",
    remedy: transient
  }
};
function describeError(code) {
  return TENCENT_ERRORS[code] ?? {
    meaning: "unlisted error",
    retry: "no",
    remedy: "See https://intl.cloud.tencent.com/document/product/1047/34348 for this code."
  };
}
function explainFailure(failure) {
  switch (failure.reason) {
    case "tencent": {
      const { meaning, remedy } = describeError(failure.code);
      const info2 = failure.info === "" ? "" : `: ${failure.info}`;
      return {
        what: `Tencent Chat answered ErrorCode ${failure.code} (${meaning})${info2}.`,
        remedy
      };
    }
    case "network":
      return {
        what: `The request did not reach Tencent Chat: ${failure.info}.`,
        remedy: "Check `region`, `endpoint` and the runner's network or proxy."
      };
    case "unreachable":
      return UNREACHABLE[failure.kind](failure.info);
    case "redirect":
      return {
        what: `The endpoint answered ${failure.info}; the action does not follow redirects.`,
        remedy: "Set `endpoint` to the final URL: following a redirect would send the UserSig to another host."
      };
    case "garbled":
      return {
        what: `Tencent Chat gave a contradictory answer (${failure.info}), twice.`,
        remedy: checkEndpoint
      };
    default:
      return {
        what: `Tencent Chat gave an unexpected answer (${failure.info}).`,
        remedy: checkEndpoint
      };
  }
}
var checkEndpoint = "Check `endpoint`: it must point at the Tencent Chat REST API or a proxy of it.";
var UNREACHABLE = {
  certificate: (info2) => ({
    what: `The server's TLS certificate is not trusted: ${info2}.`,
    remedy: "For a private gateway or proxy with its own certificate authority, give the runner its CA certificate with NODE_EXTRA_CA_CERTS in the step\u2019s env."
  }),
  proxy: (info2) => ({
    what: `The proxy refused to open a tunnel: ${info2}.`,
    remedy: "Check the proxy credentials in HTTPS_PROXY or HTTP_PROXY, or add the host to NO_PROXY."
  }),
  dns: (info2) => ({
    what: `The endpoint's name does not resolve: ${info2}.`,
    remedy: "Check the host name in `endpoint`."
  })
};

// src/report.ts
var OUTPUT_NAMES = [
  "msg-seq",
  "random",
  "payload",
  "truncated",
  "tries",
  "status",
  "error-code",
  "error-info"
];
function report(outcome, {
  core,
  writeSummary,
  secrets,
  durationMs
}) {
  const failure = failureOf(outcome, secrets);
  const outputs = outputsOf(outcome, failure);
  for (const name of OUTPUT_NAMES) core.setOutput(name, outputs[name]);
  if (failure === void 0) {
    if (outcome.status === "dry-run") {
      const { announcement, message, body } = outcome.plan;
      core.info(
        `Dry run: the ${announcement.kind} announcement "${message.desc}" (${message.bytes} bytes) was rendered and checked; nothing was sent.`
      );
      core.startGroup("Payload");
      core.info(JSON.stringify(body, null, 2));
      core.endGroup();
    } else if ("sent" in outcome && outcome.sent.delivery.ok) {
      const { tries } = outcome.sent;
      core.info(
        `Delivered: MsgSeq ${outcome.sent.delivery.msgSeq}, Random ${outcome.plan.body.Random}, after ${tries} ${tries === 1 ? "try" : "tries"}.`
      );
    }
  } else if (!("error" in outcome)) {
    const text = `${failure.what} ${failure.remedy}`;
    if (outcome.plan.config.failOnError) core.setFailed(text);
    else core.warning(`${text} The step goes on because \`fail-on-error\` is false.`);
  } else if (outcome.error instanceof InputError) {
    core.setFailed(failure.what);
  } else {
    if (outcome.error instanceof Error && outcome.error.stack) {
      core.debug(secrets.scrub(outcome.error.stack));
    }
    core.setFailed(`${failure.what} ${failure.remedy}`);
  }
  try {
    writeSummary(secrets.scrub(renderSummary({ ...factsOf(outcome), failure, durationMs })));
  } catch (error2) {
    core.debug(
      `No job summary: ${secrets.scrub(error2 instanceof Error ? error2.message : String(error2))}`
    );
  }
}
function failureOf(outcome, secrets) {
  if ("error" in outcome) {
    const { error: error2 } = outcome;
    const message = secrets.scrub(error2 instanceof Error ? error2.message : String(error2));
    return error2 instanceof InputError ? { what: message, remedy: error2.remedy } : { what: `Unexpected failure: ${message}`, remedy: "Please report this as a bug." };
  }
  if (outcome.status === "dry-run" || outcome.sent.delivery.ok) return void 0;
  const { delivery, tries, gaveUp } = outcome.sent;
  const explanation = explainFailure(delivery);
  const why = gaveUp === void 0 ? "" : ` Gave up after ${tries} tries: ${gaveUp}.`;
  return { what: `${explanation.what}${why}`, remedy: explanation.remedy };
}
function outputsOf(outcome, failure) {
  const planned = "plan" in outcome ? outcome.plan : void 0;
  const sent = "sent" in outcome ? outcome.sent : void 0;
  const delivery = sent?.delivery;
  return {
    "msg-seq": delivery?.ok ? String(delivery.msgSeq) : "",
    random: planned ? String(planned.body.Random) : "",
    payload: planned ? JSON.stringify(planned.body) : "",
    truncated: planned ? String(planned.message.truncated) : "",
    tries: String(sent?.tries ?? 0),
    status: outcome.status,
    "error-code": delivery?.ok === false && delivery.reason === "tencent" ? String(delivery.code) : "",
    "error-info": delivery?.ok === false ? delivery.info : failure?.what ?? ""
  };
}
function factsOf(outcome) {
  if (!("plan" in outcome)) return { status: outcome.status };
  const { config, announcement, message, body, bases } = outcome.plan;
  const sent = "sent" in outcome ? outcome.sent : void 0;
  return {
    status: outcome.status,
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
    target: { host: sent?.host ?? bases[0].host, sdkAppId: config.sdkAppId },
    random: body.Random,
    ...sent === void 0 ? {} : { tries: sent.tries },
    ...sent?.delivery.ok ? { msgSeq: sent.delivery.msgSeq } : {}
  };
}

// src/secrets.ts
var Secrets = class {
  /** `mask` is the runner's masker, `core.setSecret`. */
  constructor(mask) {
    this.mask = mask;
  }
  mask;
  forms = /* @__PURE__ */ new Set();
  /** Longest first, so a form that contains another is removed whole; rebuilt on `add`. */
  ordered = [];
  /** Registers a credential, or a URL that carries one. */
  add(value) {
    const forms = value instanceof URL ? [value.href, `${value.pathname}${value.search}`] : [value, encodeURIComponent(value), new URLSearchParams({ _: value }).toString().slice(2)];
    for (const form of forms) {
      if (form === "" || this.forms.has(form)) continue;
      this.forms.add(form);
      this.mask(form);
    }
    this.ordered = [...this.forms].sort((a, b) => b.length - a.length);
  }
  /**
   * A text with every registered form replaced by `***`, then cut to `maxLength` characters. In
   * that order: a secret cut in half is no longer recognisable by anyone's mask.
   */
  scrub(text, maxLength = Infinity) {
    return cut(this.hide(text), maxLength);
  }
  /**
   * Text from outside (a server, a proxy, an event) made safe to print: scrubbed, then every line
   * break and control character written as an escape, so that it stays on the line it is printed
   * in and can never start a workflow command such as `::stop-commands::`; then cut.
   */
  untrusted(text, maxLength = Infinity) {
    return cut(inert(this.hide(text)), maxLength);
  }
  hide(text) {
    let out = text;
    for (const form of this.ordered) out = out.split(form).join("***");
    return out;
  }
};
function cut(text, maxLength) {
  return text.length > maxLength ? `${text.slice(0, maxLength)}\u2026` : text;
}
function inert(text) {
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, (char) => {
    if (char === "\n") return "\\n";
    if (char === "\r") return "\\r";
    if (char === "	") return " ";
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

// src/delivery.ts
var import_node_crypto2 = __toESM(require_node_crypto(), 1);

// src/answer.ts
var QUOTED = 300;
function readSendAnswer(result, url, secrets) {
  const envelope = readEnvelope(result, url, secrets);
  if (!envelope.ok) return envelope;
  const { MsgSeq } = envelope.answer;
  if (typeof MsgSeq !== "number" || !Number.isSafeInteger(MsgSeq) || MsgSeq < 0) {
    const shown = MsgSeq === void 0 ? "no MsgSeq" : `MsgSeq ${quoteJson(MsgSeq, secrets)}`;
    return { ok: false, reason: "garbled", info: `an answer of success with ${shown}` };
  }
  return { ok: true, msgSeq: MsgSeq };
}
function readEnvelope(result, url, secrets) {
  if (!result.ok) {
    const info3 = secrets.untrusted(result.detail, QUOTED);
    return result.retryable ? { ok: false, reason: "network", info: info3 } : {
      ok: false,
      reason: "unreachable",
      kind: result.kind,
      info: info3
    };
  }
  const { status } = result;
  if (status >= 300 && status < 400) {
    return {
      ok: false,
      reason: "redirect",
      status,
      info: `HTTP ${status}, a redirect to ${secrets.untrusted(locationHost(result.headers.location, url), QUOTED)}`
    };
  }
  if (status !== 200) return { ok: false, reason: "http", status, info: `HTTP ${status}` };
  let answer;
  try {
    answer = JSON.parse(result.text);
  } catch {
    return { ok: false, reason: "malformed", info: "the answer is not JSON" };
  }
  if (!isJsonObject(answer)) {
    return { ok: false, reason: "malformed", info: "the answer is not a JSON object" };
  }
  const { ActionStatus, ErrorCode, ErrorInfo } = answer;
  if (typeof ErrorCode !== "number" || !Number.isSafeInteger(ErrorCode)) {
    const shown = ErrorCode === void 0 ? "no ErrorCode" : `ErrorCode ${quoteJson(ErrorCode, secrets)}`;
    return { ok: false, reason: "garbled", info: `an answer with ${shown}` };
  }
  const info2 = typeof ErrorInfo === "string" ? secrets.untrusted(ErrorInfo, QUOTED) : "";
  if (ErrorCode !== 0 && ActionStatus === "FAIL") {
    return { ok: false, reason: "tencent", code: ErrorCode, info: info2 };
  }
  if (ErrorCode !== 0 || ActionStatus !== "OK") {
    return {
      ok: false,
      reason: "garbled",
      info: `ErrorCode ${ErrorCode} with ActionStatus ${quoteJson(ActionStatus ?? null, secrets)}`
    };
  }
  return { ok: true, answer };
}
function locationHost(location, url) {
  if (location === void 0) return "nowhere (no Location header)";
  return URL.canParse(location, url.href) ? new URL(location, url).host : "an unreadable location";
}
function quoteJson(value, secrets) {
  return secrets.untrusted(JSON.stringify(value), 40);
}

// src/http.ts
var import_node_http = __toESM(require_node_http(), 1);
var import_node_https = __toESM(require_node_https(), 1);

// src/version.ts
var version = true ? "0.1.0" : "source";
var USER_AGENT = `tencent-chat-broadcast-action/${version}`;

// src/http.ts
var MAX_ANSWER_BYTES = 2 * 1024 * 1024;
function post(url, body, options) {
  const secure = url.protocol === "https:";
  const signal = AbortSignal.timeout(options.timeoutMs);
  const agent = new HttpClient(USER_AGENT).getAgent(url.href);
  let phase = "connecting";
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const failed = (error2) => {
      settle(
        signal.aborted ? {
          ok: false,
          kind: "timeout",
          retryable: true,
          detail: `no answer within ${seconds(options.timeoutMs)} (${phase})`
        } : transportFailure(error2)
      );
    };
    const request = (secure ? import_node_https.request : import_node_http.request)({
      protocol: url.protocol,
      // An IPv6 literal arrives in brackets, which name resolution does not take.
      hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: url.port,
      path: `${url.pathname}${url.search}`,
      method: "POST",
      agent,
      signal,
      ...options.lookup ? { lookup: options.lookup } : {},
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-length": Buffer.byteLength(body),
        accept: "application/json",
        "user-agent": USER_AGENT
      }
    });
    request.on("socket", (socket) => {
      const connected = () => {
        phase = secure ? "the TLS handshake" : "waiting for the answer";
      };
      if (socket.connecting) socket.once("connect", connected);
      else connected();
      socket.once("secureConnect", () => {
        phase = "waiting for the answer";
      });
    });
    request.on("response", (response) => {
      phase = "reading the answer";
      const chunks = [];
      let size = 0;
      response.on("data", (chunk) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) {
          request.destroy();
          settle({
            ok: false,
            kind: "network",
            retryable: true,
            detail: `the answer is over ${MAX_ANSWER_BYTES} bytes`
          });
          return;
        }
        chunks.push(chunk);
      });
      response.on("end", () => {
        settle({
          ok: true,
          status: response.statusCode ?? 0,
          headers: response.headers,
          text: Buffer.concat(chunks).toString("utf8")
        });
      });
      response.on("error", failed);
      response.on("close", () => {
        if (!response.complete) {
          failed(new Error("the connection closed before the whole answer arrived"));
        }
      });
    });
    request.on("error", failed);
    signal.addEventListener("abort", failed, { once: true });
    request.end(body);
  });
}
function seconds(ms) {
  return `${Number((ms / 1e3).toFixed(1))} s`;
}
var CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|HOSTNAME_MISMATCH/;
function transportFailure(error2) {
  const message = error2 instanceof Error ? error2.message : String(error2);
  const code = error2?.code;
  const name = typeof code === "string" ? code : "";
  if (CERTIFICATE.test(name)) {
    return { ok: false, kind: "certificate", retryable: false, detail: message };
  }
  if (name === "ENOTFOUND") return { ok: false, kind: "dns", retryable: false, detail: message };
  const proxyStatus = /tunneling socket could not be established, statusCode=(\d+)/.exec(message);
  if (proxyStatus && ["403", "407"].includes(proxyStatus[1] ?? "")) {
    return { ok: false, kind: "proxy", retryable: false, detail: message };
  }
  return { ok: false, kind: "network", retryable: true, detail: message };
}

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
  shown.searchParams.set("usersig", "***");
  return shown.toString();
}
async function sendOnce(target, body, timeoutMs, { log, secrets, lookup: lookup2 }) {
  const url = broadcastUrl(target, (0, import_node_crypto2.randomInt)(0, 2 ** 32));
  secrets.add(url);
  log.debug(`POST ${redactUrl(url)}`);
  const result = await post(url, JSON.stringify(body), { timeoutMs, ...lookup2 ? { lookup: lookup2 } : {} });
  log.debug(
    result.ok ? `HTTP ${result.status}: ${secrets.untrusted(result.text, 500)}` : `No answer: ${secrets.untrusted(result.detail, 500)}`
  );
  return readSendAnswer(result, url, secrets);
}

// src/retry-policy.ts
var RATE_LIMIT_CODES = /* @__PURE__ */ new Set([10023, 60007, 60011, 60018, 60019]);
function nextStep(failure, { canSign, canFailOver }) {
  switch (failure.reason) {
    case "network":
      return "network";
    case "unreachable":
      return failure.kind === "dns" && canFailOver ? "network" : "stop";
    case "malformed":
      return "retry";
    case "garbled":
      return "retry-once";
    case "redirect":
      return "stop";
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
function overallBudgetMs(retries, timeoutSeconds) {
  return (retries + 1) * timeoutSeconds * 1e3 + 6e4;
}
async function send(options) {
  const { clock, log } = options;
  const deadline = clock.now() + overallBudgetMs(options.retries, options.timeoutSeconds);
  let base = 0;
  let userSig = options.userSig();
  let tries = 0;
  let retriesUsed = 0;
  let garbled = false;
  for (; ; ) {
    tries++;
    const target = options.bases[base] ?? options.bases[0];
    const timeoutMs = Math.max(
      1e3,
      Math.min(options.timeoutSeconds * 1e3, deadline - clock.now())
    );
    const delivery = await sendOnce(
      { base: target, sdkAppId: options.sdkAppId, identifier: options.identifier, userSig },
      options.body,
      timeoutMs,
      options
    );
    const result = (gaveUp) => ({
      delivery,
      tries,
      host: target.host,
      gaveUp
    });
    if (delivery.ok) return result(void 0);
    const backup = options.bases[base + 1];
    let next = nextStep(delivery, { canSign: options.canSign, canFailOver: backup !== void 0 });
    if (next === "stop") return result(void 0);
    if (next === "retry-once") {
      if (garbled) return result("a second answer contradicted itself too");
      garbled = true;
      next = "retry";
    }
    const counted = next !== "rate-limited";
    if (counted && retriesUsed === options.retries) {
      return result(
        options.retries === 0 ? "`retries` is 0" : `all ${options.retries} retries were used`
      );
    }
    const wait = waitBefore(next, counted ? retriesUsed++ : retriesUsed, () => clock.random());
    if (clock.now() + wait + 1e3 > deadline) {
      return result("the time budget of this step ran out");
    }
    const seconds2 = (wait / 1e3).toFixed(1);
    let plan2 = `${describe(next)} in ${seconds2} s`;
    if (next === "network" && backup) {
      base++;
      plan2 = `falling over to the backup domain ${backup.host} in ${seconds2} s`;
    }
    if (next === "new-usersig") userSig = options.userSig();
    log.info(`Try ${tries} failed (${delivery.info}); ${plan2}.`);
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
function resolveUserSig(sdkAppId, identifier, ttlSeconds, credentials, secrets) {
  const userSig = credentials.kind === "user-sig" ? credentials.userSig : new import_tls_sig_api_v2.Api(sdkAppId, credentials.secretKey).genUserSig(identifier, ttlSeconds);
  secrets.add(userSig);
  return userSig;
}

// src/main.ts
async function run(dependencies = {}) {
  const deps = { ...realDependencies(), ...dependencies };
  const secrets = new Secrets((value) => {
    deps.core.setSecret(value);
  });
  const started = deps.clock.now();
  let crashed;
  const crash = new Promise((resolve) => {
    crashed = (error2) => {
      resolve({ status: "failed", error: error2 });
    };
  });
  deps.onCrash((error2) => crashed?.(error2));
  const outcome = await Promise.race([attempt(deps, secrets), crash]);
  crashed = void 0;
  report(outcome, { ...deps, secrets, durationMs: deps.clock.now() - started });
  deps.finished();
}
async function attempt(deps, secrets) {
  const { core, clock } = deps;
  try {
    const raw = readInputs(core, secrets);
    const event = readEventContext(deps.env, deps.readFile);
    const planned = plan(raw, event, await dataParserFor(raw.data));
    const { config, announcement, message, body, bases } = planned;
    if (message.truncated) {
      core.notice(
        `The announcement was cut to fit ${config.maxBytes} bytes; the link to the full text is kept.`
      );
    }
    const { credentials } = config;
    if (config.dryRun || credentials === void 0) return { status: "dry-run", plan: planned };
    core.info(
      `Broadcasting the ${announcement.kind} announcement "${message.desc}" (${message.bytes} bytes) to every live room of SDKAppID ${config.sdkAppId} via ${bases[0].host}`
    );
    const sent = await send({
      bases,
      sdkAppId: config.sdkAppId,
      identifier: config.adminIdentifier,
      userSig: () => resolveUserSig(
        config.sdkAppId,
        config.adminIdentifier,
        config.userSigTtl,
        credentials,
        secrets
      ),
      canSign: credentials.kind === "secret-key",
      body,
      timeoutSeconds: config.timeoutSeconds,
      retries: config.retries,
      clock,
      log: core,
      secrets
    });
    return sent.delivery.ok ? { status: "sent", plan: planned, sent } : { status: "failed", plan: planned, sent };
  } catch (error2) {
    return { status: "failed", error: error2 };
  }
}

// src/index.ts
await run();
//# sourceMappingURL=index.js.map
