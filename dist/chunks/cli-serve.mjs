import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  runUntilSignal
} from "./shared-4f8fee1f.mjs";
import {
  signVerified,
  verifyForCountersigning
} from "./shared-b43b02ca.mjs";
import {
  API,
  MAX_ENTRIES_PER_PAGE,
  MAX_REQUEST_BYTES
} from "./shared-3d83ab60.mjs";
import "./shared-1654736b.mjs";
import {
  readCappedBody
} from "./shared-084ecdca.mjs";
import "./shared-d0d2b81b.mjs";
import {
  openSigningKey
} from "./shared-9896c63c.mjs";
import {
  checkPolicyFilePlace
} from "./shared-85e931d3.mjs";
import "./shared-e7549aa0.mjs";
import "./shared-4188714e.mjs";
import {
  BUNDLE_PARSE_CODES,
  STRICT_JSON_CODES,
  carried
} from "./shared-309f26f9.mjs";
import "./shared-58d15130.mjs";
import {
  parse
} from "./shared-20c62e75.mjs";
import {
  parseCountersignatureStatement,
  preAuthEncoding
} from "./shared-98eab3f9.mjs";
import {
  splitNote,
  verifyCosignatures
} from "./shared-c9b31025.mjs";
import {
  consistencyProof,
  emptyRoot,
  inclusionPath,
  leafHash,
  nodeHash,
  openNote,
  parseCheckpointText,
  signCheckpoint,
  signNote,
  splitPoint,
  verifierKey,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion
} from "./shared-c6dbb844.mjs";
import {
  checkPrimaryIdentity,
  signerFromCertificate
} from "./shared-d54b2595.mjs";
import {
  checkServiceUrl
} from "./shared-500f2f67.mjs";
import {
  loadPolicyFile
} from "./shared-79af2afc.mjs";
import {
  REVIEW_HINT,
  rotationTargetOf
} from "./shared-14079368.mjs";
import "./shared-4746e858.mjs";
import "./shared-5bacc2e4.mjs";
import "./shared-e181c389.mjs";
import "./shared-39a15262.mjs";
import {
  trustMaterialOf
} from "./shared-f06d4d30.mjs";
import "./shared-8e434138.mjs";
import {
  writeFileAtomic
} from "./shared-2abda158.mjs";
import "./shared-2a468d80.mjs";
import "./shared-96f97add.mjs";
import {
  cosignerKeyHash,
  parseCosignerKey
} from "./shared-4bd08542.mjs";
import {
  COUNTERSIGNATURE_PAYLOAD_TYPE
} from "./shared-d5665511.mjs";
import "./shared-2f63fab4.mjs";
import "./shared-31413875.mjs";
import {
  isValidKeyName,
  parseNoteSignatureLine
} from "./shared-a58ce1e9.mjs";
import {
  usageError
} from "./shared-d30e65f7.mjs";
import {
  parseVerbArgs
} from "./shared-25dfcc74.mjs";
import "./shared-e09a80f9.mjs";
import {
  keyIdOf,
  parsePublicKeyPem
} from "./shared-5310986a.mjs";
import {
  ED25519_SPKI_PREFIX,
  verifyEd25519Strict
} from "./shared-2b0dfa9f.mjs";
import {
  sha256Hex
} from "./shared-f3698323.mjs";
import {
  decodeCanonicalBase64,
  equalBytes
} from "./shared-84c2b3d1.mjs";
import {
  InputError,
  VerificationError
} from "./shared-c0077619.mjs";
import {
  __commonJS,
  __require,
  __toESM
} from "./shared-2bfe6f66.mjs";

// node_modules/postgres-array/index.js
var require_postgres_array = __commonJS({
  "node_modules/postgres-array/index.js"(exports) {
    "use strict";
    exports.parse = function(source, transform) {
      return new ArrayParser(source, transform).parse();
    };
    var ArrayParser = class _ArrayParser {
      constructor(source, transform) {
        this.source = source;
        this.transform = transform || identity;
        this.position = 0;
        this.entries = [];
        this.recorded = [];
        this.dimension = 0;
      }
      isEof() {
        return this.position >= this.source.length;
      }
      nextCharacter() {
        var character = this.source[this.position++];
        if (character === "\\") {
          return {
            value: this.source[this.position++],
            escaped: true
          };
        }
        return {
          value: character,
          escaped: false
        };
      }
      record(character) {
        this.recorded.push(character);
      }
      newEntry(includeEmpty) {
        var entry;
        if (this.recorded.length > 0 || includeEmpty) {
          entry = this.recorded.join("");
          if (entry === "NULL" && !includeEmpty) {
            entry = null;
          }
          if (entry !== null) entry = this.transform(entry);
          this.entries.push(entry);
          this.recorded = [];
        }
      }
      consumeDimensions() {
        if (this.source[0] === "[") {
          while (!this.isEof()) {
            var char = this.nextCharacter();
            if (char.value === "=") break;
          }
        }
      }
      parse(nested) {
        var character, parser, quote;
        this.consumeDimensions();
        while (!this.isEof()) {
          character = this.nextCharacter();
          if (character.value === "{" && !quote) {
            this.dimension++;
            if (this.dimension > 1) {
              parser = new _ArrayParser(this.source.substr(this.position - 1), this.transform);
              this.entries.push(parser.parse(true));
              this.position += parser.position - 2;
            }
          } else if (character.value === "}" && !quote) {
            this.dimension--;
            if (!this.dimension) {
              this.newEntry();
              if (nested) return this.entries;
            }
          } else if (character.value === '"' && !character.escaped) {
            if (quote) this.newEntry(true);
            quote = !quote;
          } else if (character.value === "," && !quote) {
            this.newEntry();
          } else {
            this.record(character.value);
          }
        }
        if (this.dimension !== 0) {
          throw new Error("array dimension not balanced");
        }
        return this.entries;
      }
    };
    function identity(value) {
      return value;
    }
  }
});

// node_modules/pg-types/lib/arrayParser.js
var require_arrayParser = __commonJS({
  "node_modules/pg-types/lib/arrayParser.js"(exports, module) {
    var array = require_postgres_array();
    module.exports = {
      create: function(source, transform) {
        return {
          parse: function() {
            return array.parse(source, transform);
          }
        };
      }
    };
  }
});

// node_modules/postgres-date/index.js
var require_postgres_date = __commonJS({
  "node_modules/postgres-date/index.js"(exports, module) {
    "use strict";
    var DATE_TIME = /(\d{1,})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,})?.*?( BC)?$/;
    var DATE = /^(\d{1,})-(\d{2})-(\d{2})( BC)?$/;
    var TIME_ZONE = /([Z+-])(\d{2})?:?(\d{2})?:?(\d{2})?/;
    var INFINITY = /^-?infinity$/;
    module.exports = function parseDate(isoDate) {
      if (INFINITY.test(isoDate)) {
        return Number(isoDate.replace("i", "I"));
      }
      var matches = DATE_TIME.exec(isoDate);
      if (!matches) {
        return getDate(isoDate) || null;
      }
      var isBC = !!matches[8];
      var year = parseInt(matches[1], 10);
      if (isBC) {
        year = bcYearToNegativeYear(year);
      }
      var month = parseInt(matches[2], 10) - 1;
      var day = matches[3];
      var hour = parseInt(matches[4], 10);
      var minute = parseInt(matches[5], 10);
      var second = parseInt(matches[6], 10);
      var ms = matches[7];
      ms = ms ? 1e3 * parseFloat(ms) : 0;
      var date;
      var offset = timeZoneOffset(isoDate);
      if (offset != null) {
        date = new Date(Date.UTC(year, month, day, hour, minute, second, ms));
        if (is0To99(year)) {
          date.setUTCFullYear(year);
        }
        if (offset !== 0) {
          date.setTime(date.getTime() - offset);
        }
      } else {
        date = new Date(year, month, day, hour, minute, second, ms);
        if (is0To99(year)) {
          date.setFullYear(year);
        }
      }
      return date;
    };
    function getDate(isoDate) {
      var matches = DATE.exec(isoDate);
      if (!matches) {
        return;
      }
      var year = parseInt(matches[1], 10);
      var isBC = !!matches[4];
      if (isBC) {
        year = bcYearToNegativeYear(year);
      }
      var month = parseInt(matches[2], 10) - 1;
      var day = matches[3];
      var date = new Date(year, month, day);
      if (is0To99(year)) {
        date.setFullYear(year);
      }
      return date;
    }
    function timeZoneOffset(isoDate) {
      if (isoDate.endsWith("+00")) {
        return 0;
      }
      var zone = TIME_ZONE.exec(isoDate.split(" ")[1]);
      if (!zone) return;
      var type = zone[1];
      if (type === "Z") {
        return 0;
      }
      var sign = type === "-" ? -1 : 1;
      var offset = parseInt(zone[2], 10) * 3600 + parseInt(zone[3] || 0, 10) * 60 + parseInt(zone[4] || 0, 10);
      return offset * sign * 1e3;
    }
    function bcYearToNegativeYear(year) {
      return -(year - 1);
    }
    function is0To99(num) {
      return num >= 0 && num < 100;
    }
  }
});

// node_modules/xtend/mutable.js
var require_mutable = __commonJS({
  "node_modules/xtend/mutable.js"(exports, module) {
    module.exports = extend;
    var hasOwnProperty = Object.prototype.hasOwnProperty;
    function extend(target) {
      for (var i = 1; i < arguments.length; i++) {
        var source = arguments[i];
        for (var key2 in source) {
          if (hasOwnProperty.call(source, key2)) {
            target[key2] = source[key2];
          }
        }
      }
      return target;
    }
  }
});

// node_modules/postgres-interval/index.js
var require_postgres_interval = __commonJS({
  "node_modules/postgres-interval/index.js"(exports, module) {
    "use strict";
    var extend = require_mutable();
    module.exports = PostgresInterval;
    function PostgresInterval(raw) {
      if (!(this instanceof PostgresInterval)) {
        return new PostgresInterval(raw);
      }
      extend(this, parse2(raw));
    }
    var properties = ["seconds", "minutes", "hours", "days", "months", "years"];
    PostgresInterval.prototype.toPostgres = function() {
      var filtered = properties.filter(this.hasOwnProperty, this);
      if (this.milliseconds && filtered.indexOf("seconds") < 0) {
        filtered.push("seconds");
      }
      if (filtered.length === 0) return "0";
      return filtered.map(function(property) {
        var value = this[property] || 0;
        if (property === "seconds" && this.milliseconds) {
          value = (value + this.milliseconds / 1e3).toFixed(6).replace(/\.?0+$/, "");
        }
        return value + " " + property;
      }, this).join(" ");
    };
    var propertiesISOEquivalent = {
      years: "Y",
      months: "M",
      days: "D",
      hours: "H",
      minutes: "M",
      seconds: "S"
    };
    var dateProperties = ["years", "months", "days"];
    var timeProperties = ["hours", "minutes", "seconds"];
    PostgresInterval.prototype.toISOString = PostgresInterval.prototype.toISO = function() {
      var datePart = dateProperties.map(buildProperty, this).join("");
      var timePart = timeProperties.map(buildProperty, this).join("");
      return "P" + datePart + "T" + timePart;
      function buildProperty(property) {
        var value = this[property] || 0;
        if (property === "seconds" && this.milliseconds) {
          value = (value + this.milliseconds / 1e3).toFixed(6).replace(/0+$/, "");
        }
        return value + propertiesISOEquivalent[property];
      }
    };
    var NUMBER = "([+-]?\\d+)";
    var YEAR = NUMBER + "\\s+years?";
    var MONTH = NUMBER + "\\s+mons?";
    var DAY = NUMBER + "\\s+days?";
    var TIME = "([+-])?([\\d]*):(\\d\\d):(\\d\\d)\\.?(\\d{1,6})?";
    var INTERVAL = new RegExp([YEAR, MONTH, DAY, TIME].map(function(regexString) {
      return "(" + regexString + ")?";
    }).join("\\s*"));
    var positions = {
      years: 2,
      months: 4,
      days: 6,
      hours: 9,
      minutes: 10,
      seconds: 11,
      milliseconds: 12
    };
    var negatives = ["hours", "minutes", "seconds", "milliseconds"];
    function parseMilliseconds(fraction) {
      var microseconds = fraction + "000000".slice(fraction.length);
      return parseInt(microseconds, 10) / 1e3;
    }
    function parse2(interval) {
      if (!interval) return {};
      var matches = INTERVAL.exec(interval);
      var isNegative = matches[8] === "-";
      return Object.keys(positions).reduce(function(parsed, property) {
        var position = positions[property];
        var value = matches[position];
        if (!value) return parsed;
        value = property === "milliseconds" ? parseMilliseconds(value) : parseInt(value, 10);
        if (!value) return parsed;
        if (isNegative && ~negatives.indexOf(property)) {
          value *= -1;
        }
        parsed[property] = value;
        return parsed;
      }, {});
    }
  }
});

// node_modules/postgres-bytea/index.js
var require_postgres_bytea = __commonJS({
  "node_modules/postgres-bytea/index.js"(exports, module) {
    "use strict";
    var bufferFrom = Buffer.from || Buffer;
    module.exports = function parseBytea(input) {
      if (/^\\x/.test(input)) {
        return bufferFrom(input.substr(2), "hex");
      }
      var output = "";
      var i = 0;
      while (i < input.length) {
        if (input[i] !== "\\") {
          output += input[i];
          ++i;
        } else {
          if (/[0-7]{3}/.test(input.substr(i + 1, 3))) {
            output += String.fromCharCode(parseInt(input.substr(i + 1, 3), 8));
            i += 4;
          } else {
            var backslashes = 1;
            while (i + backslashes < input.length && input[i + backslashes] === "\\") {
              backslashes++;
            }
            for (var k = 0; k < Math.floor(backslashes / 2); ++k) {
              output += "\\";
            }
            i += Math.floor(backslashes / 2) * 2;
          }
        }
      }
      return bufferFrom(output, "binary");
    };
  }
});

// node_modules/pg-types/lib/textParsers.js
var require_textParsers = __commonJS({
  "node_modules/pg-types/lib/textParsers.js"(exports, module) {
    var array = require_postgres_array();
    var arrayParser = require_arrayParser();
    var parseDate = require_postgres_date();
    var parseInterval = require_postgres_interval();
    var parseByteA = require_postgres_bytea();
    function allowNull(fn) {
      return function nullAllowed(value) {
        if (value === null) return value;
        return fn(value);
      };
    }
    function parseBool(value) {
      if (value === null) return value;
      return value === "TRUE" || value === "t" || value === "true" || value === "y" || value === "yes" || value === "on" || value === "1";
    }
    function parseBoolArray(value) {
      if (!value) return null;
      return array.parse(value, parseBool);
    }
    function parseBaseTenInt(string) {
      return parseInt(string, 10);
    }
    function parseIntegerArray(value) {
      if (!value) return null;
      return array.parse(value, allowNull(parseBaseTenInt));
    }
    function parseBigIntegerArray(value) {
      if (!value) return null;
      return array.parse(value, allowNull(function(entry) {
        return parseBigInteger(entry).trim();
      }));
    }
    var parsePointArray = function(value) {
      if (!value) {
        return null;
      }
      var p = arrayParser.create(value, function(entry) {
        if (entry !== null) {
          entry = parsePoint(entry);
        }
        return entry;
      });
      return p.parse();
    };
    var parseFloatArray = function(value) {
      if (!value) {
        return null;
      }
      var p = arrayParser.create(value, function(entry) {
        if (entry !== null) {
          entry = parseFloat(entry);
        }
        return entry;
      });
      return p.parse();
    };
    var parseStringArray = function(value) {
      if (!value) {
        return null;
      }
      var p = arrayParser.create(value);
      return p.parse();
    };
    var parseDateArray = function(value) {
      if (!value) {
        return null;
      }
      var p = arrayParser.create(value, function(entry) {
        if (entry !== null) {
          entry = parseDate(entry);
        }
        return entry;
      });
      return p.parse();
    };
    var parseIntervalArray = function(value) {
      if (!value) {
        return null;
      }
      var p = arrayParser.create(value, function(entry) {
        if (entry !== null) {
          entry = parseInterval(entry);
        }
        return entry;
      });
      return p.parse();
    };
    var parseByteAArray = function(value) {
      if (!value) {
        return null;
      }
      return array.parse(value, allowNull(parseByteA));
    };
    var parseInteger = function(value) {
      return parseInt(value, 10);
    };
    var parseBigInteger = function(value) {
      var valStr = String(value);
      if (/^\d+$/.test(valStr)) {
        return valStr;
      }
      return value;
    };
    var parseJsonArray = function(value) {
      if (!value) {
        return null;
      }
      return array.parse(value, allowNull(JSON.parse));
    };
    var parsePoint = function(value) {
      if (value[0] !== "(") {
        return null;
      }
      value = value.substring(1, value.length - 1).split(",");
      return {
        x: parseFloat(value[0]),
        y: parseFloat(value[1])
      };
    };
    var parseCircle = function(value) {
      if (value[0] !== "<" && value[1] !== "(") {
        return null;
      }
      var point = "(";
      var radius = "";
      var pointParsed = false;
      for (var i = 2; i < value.length - 1; i++) {
        if (!pointParsed) {
          point += value[i];
        }
        if (value[i] === ")") {
          pointParsed = true;
          continue;
        } else if (!pointParsed) {
          continue;
        }
        if (value[i] === ",") {
          continue;
        }
        radius += value[i];
      }
      var result = parsePoint(point);
      result.radius = parseFloat(radius);
      return result;
    };
    var init = function(register) {
      register(20, parseBigInteger);
      register(21, parseInteger);
      register(23, parseInteger);
      register(26, parseInteger);
      register(700, parseFloat);
      register(701, parseFloat);
      register(16, parseBool);
      register(1082, parseDate);
      register(1114, parseDate);
      register(1184, parseDate);
      register(600, parsePoint);
      register(651, parseStringArray);
      register(718, parseCircle);
      register(1e3, parseBoolArray);
      register(1001, parseByteAArray);
      register(1005, parseIntegerArray);
      register(1007, parseIntegerArray);
      register(1028, parseIntegerArray);
      register(1016, parseBigIntegerArray);
      register(1017, parsePointArray);
      register(1021, parseFloatArray);
      register(1022, parseFloatArray);
      register(1231, parseFloatArray);
      register(1014, parseStringArray);
      register(1015, parseStringArray);
      register(1008, parseStringArray);
      register(1009, parseStringArray);
      register(1040, parseStringArray);
      register(1041, parseStringArray);
      register(1115, parseDateArray);
      register(1182, parseDateArray);
      register(1185, parseDateArray);
      register(1186, parseInterval);
      register(1187, parseIntervalArray);
      register(17, parseByteA);
      register(114, JSON.parse.bind(JSON));
      register(3802, JSON.parse.bind(JSON));
      register(199, parseJsonArray);
      register(3807, parseJsonArray);
      register(3907, parseStringArray);
      register(2951, parseStringArray);
      register(791, parseStringArray);
      register(1183, parseStringArray);
      register(1270, parseStringArray);
    };
    module.exports = {
      init
    };
  }
});

// node_modules/pg-int8/index.js
var require_pg_int8 = __commonJS({
  "node_modules/pg-int8/index.js"(exports, module) {
    "use strict";
    var BASE = 1e6;
    function readInt8(buffer) {
      var high = buffer.readInt32BE(0);
      var low = buffer.readUInt32BE(4);
      var sign = "";
      if (high < 0) {
        high = ~high + (low === 0);
        low = ~low + 1 >>> 0;
        sign = "-";
      }
      var result = "";
      var carry;
      var t;
      var digits;
      var pad;
      var l;
      var i;
      {
        carry = high % BASE;
        high = high / BASE >>> 0;
        t = 4294967296 * carry + low;
        low = t / BASE >>> 0;
        digits = "" + (t - BASE * low);
        if (low === 0 && high === 0) {
          return sign + digits + result;
        }
        pad = "";
        l = 6 - digits.length;
        for (i = 0; i < l; i++) {
          pad += "0";
        }
        result = pad + digits + result;
      }
      {
        carry = high % BASE;
        high = high / BASE >>> 0;
        t = 4294967296 * carry + low;
        low = t / BASE >>> 0;
        digits = "" + (t - BASE * low);
        if (low === 0 && high === 0) {
          return sign + digits + result;
        }
        pad = "";
        l = 6 - digits.length;
        for (i = 0; i < l; i++) {
          pad += "0";
        }
        result = pad + digits + result;
      }
      {
        carry = high % BASE;
        high = high / BASE >>> 0;
        t = 4294967296 * carry + low;
        low = t / BASE >>> 0;
        digits = "" + (t - BASE * low);
        if (low === 0 && high === 0) {
          return sign + digits + result;
        }
        pad = "";
        l = 6 - digits.length;
        for (i = 0; i < l; i++) {
          pad += "0";
        }
        result = pad + digits + result;
      }
      {
        carry = high % BASE;
        t = 4294967296 * carry + low;
        digits = "" + t % BASE;
        return sign + digits + result;
      }
    }
    module.exports = readInt8;
  }
});

// node_modules/pg-types/lib/binaryParsers.js
var require_binaryParsers = __commonJS({
  "node_modules/pg-types/lib/binaryParsers.js"(exports, module) {
    var parseInt64 = require_pg_int8();
    var parseBits = function(data, bits, offset, invert, callback) {
      offset = offset || 0;
      invert = invert || false;
      callback = callback || function(lastValue, newValue, bits2) {
        return lastValue * Math.pow(2, bits2) + newValue;
      };
      var offsetBytes = offset >> 3;
      var inv = function(value) {
        if (invert) {
          return ~value & 255;
        }
        return value;
      };
      var mask = 255;
      var firstBits = 8 - offset % 8;
      if (bits < firstBits) {
        mask = 255 << 8 - bits & 255;
        firstBits = bits;
      }
      if (offset) {
        mask = mask >> offset % 8;
      }
      var result = 0;
      if (offset % 8 + bits >= 8) {
        result = callback(0, inv(data[offsetBytes]) & mask, firstBits);
      }
      var bytes = bits + offset >> 3;
      for (var i = offsetBytes + 1; i < bytes; i++) {
        result = callback(result, inv(data[i]), 8);
      }
      var lastBits = (bits + offset) % 8;
      if (lastBits > 0) {
        result = callback(result, inv(data[bytes]) >> 8 - lastBits, lastBits);
      }
      return result;
    };
    var parseFloatFromBits = function(data, precisionBits, exponentBits) {
      var bias = Math.pow(2, exponentBits - 1) - 1;
      var sign = parseBits(data, 1);
      var exponent = parseBits(data, exponentBits, 1);
      if (exponent === 0) {
        return 0;
      }
      var precisionBitsCounter = 1;
      var parsePrecisionBits = function(lastValue, newValue, bits) {
        if (lastValue === 0) {
          lastValue = 1;
        }
        for (var i = 1; i <= bits; i++) {
          precisionBitsCounter /= 2;
          if ((newValue & 1 << bits - i) > 0) {
            lastValue += precisionBitsCounter;
          }
        }
        return lastValue;
      };
      var mantissa = parseBits(data, precisionBits, exponentBits + 1, false, parsePrecisionBits);
      if (exponent == Math.pow(2, exponentBits + 1) - 1) {
        if (mantissa === 0) {
          return sign === 0 ? Infinity : -Infinity;
        }
        return NaN;
      }
      return (sign === 0 ? 1 : -1) * Math.pow(2, exponent - bias) * mantissa;
    };
    var parseInt16 = function(value) {
      if (parseBits(value, 1) == 1) {
        return -1 * (parseBits(value, 15, 1, true) + 1);
      }
      return parseBits(value, 15, 1);
    };
    var parseInt32 = function(value) {
      if (parseBits(value, 1) == 1) {
        return -1 * (parseBits(value, 31, 1, true) + 1);
      }
      return parseBits(value, 31, 1);
    };
    var parseFloat32 = function(value) {
      return parseFloatFromBits(value, 23, 8);
    };
    var parseFloat64 = function(value) {
      return parseFloatFromBits(value, 52, 11);
    };
    var parseNumeric = function(value) {
      var sign = parseBits(value, 16, 32);
      if (sign == 49152) {
        return NaN;
      }
      var weight = Math.pow(1e4, parseBits(value, 16, 16));
      var result = 0;
      var digits = [];
      var ndigits = parseBits(value, 16);
      for (var i = 0; i < ndigits; i++) {
        result += parseBits(value, 16, 64 + 16 * i) * weight;
        weight /= 1e4;
      }
      var scale = Math.pow(10, parseBits(value, 16, 48));
      return (sign === 0 ? 1 : -1) * Math.round(result * scale) / scale;
    };
    var parseDate = function(isUTC, value) {
      var sign = parseBits(value, 1);
      var rawValue = parseBits(value, 63, 1);
      var result = new Date((sign === 0 ? 1 : -1) * rawValue / 1e3 + 9466848e5);
      if (!isUTC) {
        result.setTime(result.getTime() + result.getTimezoneOffset() * 6e4);
      }
      result.usec = rawValue % 1e3;
      result.getMicroSeconds = function() {
        return this.usec;
      };
      result.setMicroSeconds = function(value2) {
        this.usec = value2;
      };
      result.getUTCMicroSeconds = function() {
        return this.usec;
      };
      return result;
    };
    var parseArray = function(value) {
      var dim = parseBits(value, 32);
      var flags = parseBits(value, 32, 32);
      var elementType = parseBits(value, 32, 64);
      var offset = 96;
      var dims = [];
      for (var i = 0; i < dim; i++) {
        dims[i] = parseBits(value, 32, offset);
        offset += 32;
        offset += 32;
      }
      var parseElement = function(elementType2) {
        var length = parseBits(value, 32, offset);
        offset += 32;
        if (length == 4294967295) {
          return null;
        }
        var result;
        if (elementType2 == 23 || elementType2 == 20) {
          result = parseBits(value, length * 8, offset);
          offset += length * 8;
          return result;
        } else if (elementType2 == 25) {
          result = value.toString(this.encoding, offset >> 3, (offset += length << 3) >> 3);
          return result;
        } else {
          console.log("ERROR: ElementType not implemented: " + elementType2);
        }
      };
      var parse2 = function(dimension, elementType2) {
        var array = [];
        var i2;
        if (dimension.length > 1) {
          var count = dimension.shift();
          for (i2 = 0; i2 < count; i2++) {
            array[i2] = parse2(dimension, elementType2);
          }
          dimension.unshift(count);
        } else {
          for (i2 = 0; i2 < dimension[0]; i2++) {
            array[i2] = parseElement(elementType2);
          }
        }
        return array;
      };
      return parse2(dims, elementType);
    };
    var parseText = function(value) {
      return value.toString("utf8");
    };
    var parseBool = function(value) {
      if (value === null) return null;
      return parseBits(value, 8) > 0;
    };
    var init = function(register) {
      register(20, parseInt64);
      register(21, parseInt16);
      register(23, parseInt32);
      register(26, parseInt32);
      register(1700, parseNumeric);
      register(700, parseFloat32);
      register(701, parseFloat64);
      register(16, parseBool);
      register(1114, parseDate.bind(null, false));
      register(1184, parseDate.bind(null, true));
      register(1e3, parseArray);
      register(1007, parseArray);
      register(1016, parseArray);
      register(1008, parseArray);
      register(1009, parseArray);
      register(25, parseText);
    };
    module.exports = {
      init
    };
  }
});

// node_modules/pg-types/lib/builtins.js
var require_builtins = __commonJS({
  "node_modules/pg-types/lib/builtins.js"(exports, module) {
    module.exports = {
      BOOL: 16,
      BYTEA: 17,
      CHAR: 18,
      INT8: 20,
      INT2: 21,
      INT4: 23,
      REGPROC: 24,
      TEXT: 25,
      OID: 26,
      TID: 27,
      XID: 28,
      CID: 29,
      JSON: 114,
      XML: 142,
      PG_NODE_TREE: 194,
      SMGR: 210,
      PATH: 602,
      POLYGON: 604,
      CIDR: 650,
      FLOAT4: 700,
      FLOAT8: 701,
      ABSTIME: 702,
      RELTIME: 703,
      TINTERVAL: 704,
      CIRCLE: 718,
      MACADDR8: 774,
      MONEY: 790,
      MACADDR: 829,
      INET: 869,
      ACLITEM: 1033,
      BPCHAR: 1042,
      VARCHAR: 1043,
      DATE: 1082,
      TIME: 1083,
      TIMESTAMP: 1114,
      TIMESTAMPTZ: 1184,
      INTERVAL: 1186,
      TIMETZ: 1266,
      BIT: 1560,
      VARBIT: 1562,
      NUMERIC: 1700,
      REFCURSOR: 1790,
      REGPROCEDURE: 2202,
      REGOPER: 2203,
      REGOPERATOR: 2204,
      REGCLASS: 2205,
      REGTYPE: 2206,
      UUID: 2950,
      TXID_SNAPSHOT: 2970,
      PG_LSN: 3220,
      PG_NDISTINCT: 3361,
      PG_DEPENDENCIES: 3402,
      TSVECTOR: 3614,
      TSQUERY: 3615,
      GTSVECTOR: 3642,
      REGCONFIG: 3734,
      REGDICTIONARY: 3769,
      JSONB: 3802,
      REGNAMESPACE: 4089,
      REGROLE: 4096
    };
  }
});

// node_modules/pg-types/index.js
var require_pg_types = __commonJS({
  "node_modules/pg-types/index.js"(exports) {
    var textParsers = require_textParsers();
    var binaryParsers = require_binaryParsers();
    var arrayParser = require_arrayParser();
    var builtinTypes = require_builtins();
    exports.getTypeParser = getTypeParser;
    exports.setTypeParser = setTypeParser;
    exports.arrayParser = arrayParser;
    exports.builtins = builtinTypes;
    var typeParsers = {
      text: {},
      binary: {}
    };
    function noParse(val) {
      return String(val);
    }
    function getTypeParser(oid, format) {
      format = format || "text";
      if (!typeParsers[format]) {
        return noParse;
      }
      return typeParsers[format][oid] || noParse;
    }
    function setTypeParser(oid, format, parseFn) {
      if (typeof format == "function") {
        parseFn = format;
        format = "text";
      }
      typeParsers[format][oid] = parseFn;
    }
    textParsers.init(function(oid, converter) {
      typeParsers.text[oid] = converter;
    });
    binaryParsers.init(function(oid, converter) {
      typeParsers.binary[oid] = converter;
    });
  }
});

// node_modules/pg/lib/defaults.js
var require_defaults = __commonJS({
  "node_modules/pg/lib/defaults.js"(exports, module) {
    "use strict";
    var user;
    try {
      user = process.platform === "win32" ? process.env.USERNAME : process.env.USER;
    } catch {
    }
    module.exports = {
      // database host. defaults to localhost
      host: "localhost",
      // database user's name
      user,
      // name of database to connect
      database: void 0,
      // database user's password
      password: null,
      // a Postgres connection string to be used instead of setting individual connection items
      // NOTE:  Setting this value will cause it to override any other value (such as database or user) defined
      // in the defaults object.
      connectionString: void 0,
      // database port
      port: 5432,
      // number of rows to return at a time from a prepared statement's
      // portal. 0 will return all rows at once
      rows: 0,
      // binary result mode
      binary: false,
      // Connection pool options - see https://github.com/brianc/node-pg-pool
      // number of connections to use in connection pool
      // 0 will disable connection pooling
      max: 10,
      // max milliseconds a client can go unused before it is removed
      // from the pool and destroyed
      idleTimeoutMillis: 3e4,
      client_encoding: "",
      ssl: false,
      // SSL negotiation style: 'postgres' (traditional SSLRequest) or 'direct'
      sslnegotiation: void 0,
      application_name: void 0,
      fallback_application_name: void 0,
      options: void 0,
      parseInputDatesAsUTC: false,
      // max milliseconds any query using this connection will execute for before timing out in error.
      // false=unlimited
      statement_timeout: false,
      // Abort any statement that waits longer than the specified duration in milliseconds while attempting to acquire a lock.
      // false=unlimited
      lock_timeout: false,
      // Terminate any session with an open transaction that has been idle for longer than the specified duration in milliseconds
      // false=unlimited
      idle_in_transaction_session_timeout: false,
      // max milliseconds to wait for query to complete (client side)
      query_timeout: false,
      connect_timeout: 0,
      keepalives: 1,
      keepalives_idle: 0
    };
    var pgTypes = require_pg_types();
    var parseBigInteger = pgTypes.getTypeParser(20, "text");
    var parseBigIntegerArray = pgTypes.getTypeParser(1016, "text");
    module.exports.__defineSetter__("parseInt8", function(val) {
      pgTypes.setTypeParser(20, "text", val ? pgTypes.getTypeParser(23, "text") : parseBigInteger);
      pgTypes.setTypeParser(1016, "text", val ? pgTypes.getTypeParser(1007, "text") : parseBigIntegerArray);
    });
  }
});

// node_modules/pg/lib/utils.js
var require_utils = __commonJS({
  "node_modules/pg/lib/utils.js"(exports, module) {
    "use strict";
    var defaults2 = require_defaults();
    var nodeUtils = __require("util");
    var { isDate } = __require("util/types");
    var invalidDateDeprecationNotice = nodeUtils.deprecate(
      () => {
      },
      "Sending an invalid date to Postgres is deprecated and will throw an error in the next major version of pg. Ensure any Date object passed as a query parameter is valid.",
      "PG_INVALID_DATE"
    );
    function escapeElement(elementRepresentation) {
      const escaped = elementRepresentation.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
      return '"' + escaped + '"';
    }
    function arrayString(val) {
      let result = "{";
      for (let i = 0; i < val.length; i++) {
        if (i > 0) {
          result += ",";
        }
        let item = val[i];
        if (item == null) {
          result += "NULL";
        } else if (Array.isArray(item)) {
          result += arrayString(item);
        } else if (ArrayBuffer.isView(item)) {
          if (!(item instanceof Buffer)) {
            item = Buffer.from(item.buffer, item.byteOffset, item.byteLength);
          }
          result += "\\\\x" + item.toString("hex");
        } else {
          result += escapeElement(prepareValue(item));
        }
      }
      result += "}";
      return result;
    }
    var prepareValue = function(val, seen) {
      if (val == null) {
        return null;
      }
      if (typeof val === "object") {
        if (val instanceof Buffer) {
          return val;
        }
        if (ArrayBuffer.isView(val)) {
          return Buffer.from(val.buffer, val.byteOffset, val.byteLength);
        }
        if (isDate(val)) {
          if (isNaN(val.getTime())) {
            invalidDateDeprecationNotice();
          }
          if (defaults2.parseInputDatesAsUTC) {
            return dateToStringUTC(val);
          } else {
            return dateToString(val);
          }
        }
        if (Array.isArray(val)) {
          return arrayString(val);
        }
        return prepareObject(val, seen);
      }
      return val.toString();
    };
    function prepareObject(val, seen) {
      if (val && typeof val.toPostgres === "function") {
        seen = seen || [];
        if (seen.indexOf(val) !== -1) {
          throw new Error('circular reference detected while preparing "' + val + '" for query');
        }
        seen.push(val);
        return prepareValue(val.toPostgres(prepareValue), seen);
      }
      return JSON.stringify(val);
    }
    function dateToString(date) {
      let offset = -date.getTimezoneOffset();
      let year = date.getFullYear();
      const isBCYear = year < 1;
      if (isBCYear) year = Math.abs(year) + 1;
      let ret = String(year).padStart(4, "0") + "-" + String(date.getMonth() + 1).padStart(2, "0") + "-" + String(date.getDate()).padStart(2, "0") + "T" + String(date.getHours()).padStart(2, "0") + ":" + String(date.getMinutes()).padStart(2, "0") + ":" + String(date.getSeconds()).padStart(2, "0") + "." + String(date.getMilliseconds()).padStart(3, "0");
      if (offset < 0) {
        ret += "-";
        offset *= -1;
      } else {
        ret += "+";
      }
      ret += String(Math.floor(offset / 60)).padStart(2, "0") + ":" + String(offset % 60).padStart(2, "0");
      if (isBCYear) ret += " BC";
      return ret;
    }
    function dateToStringUTC(date) {
      let year = date.getUTCFullYear();
      const isBCYear = year < 1;
      if (isBCYear) year = Math.abs(year) + 1;
      let ret = String(year).padStart(4, "0") + "-" + String(date.getUTCMonth() + 1).padStart(2, "0") + "-" + String(date.getUTCDate()).padStart(2, "0") + "T" + String(date.getUTCHours()).padStart(2, "0") + ":" + String(date.getUTCMinutes()).padStart(2, "0") + ":" + String(date.getUTCSeconds()).padStart(2, "0") + "." + String(date.getUTCMilliseconds()).padStart(3, "0");
      ret += "+00:00";
      if (isBCYear) ret += " BC";
      return ret;
    }
    function normalizeQueryConfig(config, values, callback) {
      config = typeof config === "string" ? { text: config } : cloneQueryConfig(config);
      if (values) {
        if (typeof values === "function") {
          config.callback = values;
        } else {
          config.values = values;
        }
      }
      if (callback) {
        config.callback = callback;
      }
      return config;
    }
    function cloneQueryConfig(config) {
      if (config == null) {
        return config;
      }
      return Object.defineProperties(Object.create(Object.getPrototypeOf(config)), Object.getOwnPropertyDescriptors(config));
    }
    var escapeIdentifier2 = function(str) {
      return '"' + str.replace(/"/g, '""') + '"';
    };
    var escapeLiteral2 = function(str) {
      let hasBackslash = false;
      let escaped = "'";
      if (str == null) {
        return "''";
      }
      if (typeof str !== "string") {
        return "''";
      }
      for (let i = 0; i < str.length; i++) {
        const c = str[i];
        if (c === "'") {
          escaped += c + c;
        } else if (c === "\\") {
          escaped += c + c;
          hasBackslash = true;
        } else {
          escaped += c;
        }
      }
      escaped += "'";
      if (hasBackslash === true) {
        escaped = " E" + escaped;
      }
      return escaped;
    };
    module.exports = {
      prepareValue: function prepareValueWrapper(value) {
        return prepareValue(value);
      },
      normalizeQueryConfig,
      escapeIdentifier: escapeIdentifier2,
      escapeLiteral: escapeLiteral2
    };
  }
});

// node_modules/pg/lib/crypto/utils.js
var require_utils2 = __commonJS({
  "node_modules/pg/lib/crypto/utils.js"(exports, module) {
    var nodeCrypto = __require("crypto");
    module.exports = {
      postgresMd5PasswordHash,
      randomBytes,
      deriveKey,
      sha256,
      hashByName,
      hmacSha256,
      md5
    };
    var webCrypto = nodeCrypto.webcrypto || globalThis.crypto;
    var subtleCrypto = webCrypto.subtle;
    var textEncoder = new TextEncoder();
    function randomBytes(length) {
      return webCrypto.getRandomValues(Buffer.alloc(length));
    }
    async function md5(string) {
      try {
        return nodeCrypto.createHash("md5").update(string, "utf-8").digest("hex");
      } catch (e) {
        const data = typeof string === "string" ? textEncoder.encode(string) : string;
        const hash = await subtleCrypto.digest("MD5", data);
        return Array.from(new Uint8Array(hash)).map((b) => b.toString(16).padStart(2, "0")).join("");
      }
    }
    async function postgresMd5PasswordHash(user, password, salt) {
      const inner = await md5(password + user);
      const outer = await md5(Buffer.concat([Buffer.from(inner), salt]));
      return "md5" + outer;
    }
    async function sha256(text) {
      return await subtleCrypto.digest("SHA-256", text);
    }
    async function hashByName(hashName, text) {
      return await subtleCrypto.digest(hashName, text);
    }
    async function hmacSha256(keyBuffer, msg) {
      const key2 = await subtleCrypto.importKey("raw", keyBuffer, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
      return await subtleCrypto.sign("HMAC", key2, textEncoder.encode(msg));
    }
    async function deriveKey(password, salt, iterations) {
      const key2 = await subtleCrypto.importKey("raw", textEncoder.encode(password), "PBKDF2", false, ["deriveBits"]);
      const params = { name: "PBKDF2", hash: "SHA-256", salt, iterations };
      return await subtleCrypto.deriveBits(params, key2, 32 * 8, ["deriveBits"]);
    }
  }
});

// node_modules/pg/lib/crypto/cert-signatures.js
var require_cert_signatures = __commonJS({
  "node_modules/pg/lib/crypto/cert-signatures.js"(exports, module) {
    function x509Error(msg, cert) {
      return new Error("SASL channel binding: " + msg + " when parsing public certificate " + cert.toString("base64"));
    }
    function readASN1Length(data, index) {
      let length = data[index++];
      if (length < 128) return { length, index };
      const lengthBytes = length & 127;
      if (lengthBytes > 4) throw x509Error("bad length", data);
      length = 0;
      for (let i = 0; i < lengthBytes; i++) {
        length = length << 8 | data[index++];
      }
      return { length, index };
    }
    function readASN1OID(data, index) {
      if (data[index++] !== 6) throw x509Error("non-OID data", data);
      const { length: OIDLength, index: indexAfterOIDLength } = readASN1Length(data, index);
      index = indexAfterOIDLength;
      const lastIndex = index + OIDLength;
      const byte1 = data[index++];
      let oid = (byte1 / 40 >> 0) + "." + byte1 % 40;
      while (index < lastIndex) {
        let value = 0;
        while (index < lastIndex) {
          const nextByte = data[index++];
          value = value << 7 | nextByte & 127;
          if (nextByte < 128) break;
        }
        oid += "." + value;
      }
      return { oid, index };
    }
    function expectASN1Seq(data, index) {
      if (data[index++] !== 48) throw x509Error("non-sequence data", data);
      return readASN1Length(data, index);
    }
    function signatureAlgorithmHashFromCertificate(data, index) {
      if (index === void 0) index = 0;
      index = expectASN1Seq(data, index).index;
      const { length: certInfoLength, index: indexAfterCertInfoLength } = expectASN1Seq(data, index);
      index = indexAfterCertInfoLength + certInfoLength;
      index = expectASN1Seq(data, index).index;
      const { oid, index: indexAfterOID } = readASN1OID(data, index);
      switch (oid) {
        // RSA
        case "1.2.840.113549.1.1.4":
          return "MD5";
        case "1.2.840.113549.1.1.5":
          return "SHA-1";
        case "1.2.840.113549.1.1.11":
          return "SHA-256";
        case "1.2.840.113549.1.1.12":
          return "SHA-384";
        case "1.2.840.113549.1.1.13":
          return "SHA-512";
        case "1.2.840.113549.1.1.14":
          return "SHA-224";
        case "1.2.840.113549.1.1.15":
          return "SHA512-224";
        case "1.2.840.113549.1.1.16":
          return "SHA512-256";
        // ECDSA
        case "1.2.840.10045.4.1":
          return "SHA-1";
        case "1.2.840.10045.4.3.1":
          return "SHA-224";
        case "1.2.840.10045.4.3.2":
          return "SHA-256";
        case "1.2.840.10045.4.3.3":
          return "SHA-384";
        case "1.2.840.10045.4.3.4":
          return "SHA-512";
        // RSASSA-PSS: hash is indicated separately
        case "1.2.840.113549.1.1.10": {
          index = indexAfterOID;
          index = expectASN1Seq(data, index).index;
          if (data[index++] !== 160) throw x509Error("non-tag data", data);
          index = readASN1Length(data, index).index;
          index = expectASN1Seq(data, index).index;
          const { oid: hashOID } = readASN1OID(data, index);
          switch (hashOID) {
            // standalone hash OIDs
            case "1.2.840.113549.2.5":
              return "MD5";
            case "1.3.14.3.2.26":
              return "SHA-1";
            case "2.16.840.1.101.3.4.2.1":
              return "SHA-256";
            case "2.16.840.1.101.3.4.2.2":
              return "SHA-384";
            case "2.16.840.1.101.3.4.2.3":
              return "SHA-512";
          }
          throw x509Error("unknown hash OID " + hashOID, data);
        }
        // Ed25519 -- see https://github.com/openssl/openssl/issues/15477
        case "1.3.101.110":
        case "1.3.101.112":
          return "SHA-512";
        // Ed448 -- still not in pg 17.2 (if supported, digest would be SHAKE256 x 64 bytes)
        case "1.3.101.111":
        case "1.3.101.113":
          throw x509Error("Ed448 certificate channel binding is not currently supported by Postgres");
      }
      throw x509Error("unknown OID " + oid, data);
    }
    module.exports = { signatureAlgorithmHashFromCertificate };
  }
});

// node_modules/pg/lib/crypto/sasl.js
var require_sasl = __commonJS({
  "node_modules/pg/lib/crypto/sasl.js"(exports, module) {
    "use strict";
    var crypto = require_utils2();
    var { signatureAlgorithmHashFromCertificate } = require_cert_signatures();
    function saslprep(password) {
      const nonAsciiSpace = /[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g;
      const mappedToNothing = /[\u00AD\u034F\u1806\u180B\u180C\u180D\u200C\u200D\u2060\uFE00-\uFE0F\uFEFF]/g;
      return password.replace(nonAsciiSpace, " ").replace(mappedToNothing, "").normalize("NFKC");
    }
    var DEFAULT_MAX_SCRAM_ITERATIONS = 1e5;
    function startSession(mechanisms, stream, scramMaxIterations = DEFAULT_MAX_SCRAM_ITERATIONS) {
      const candidates = ["SCRAM-SHA-256"];
      if (stream) candidates.unshift("SCRAM-SHA-256-PLUS");
      const mechanism = candidates.find((candidate) => mechanisms.includes(candidate));
      if (!mechanism) {
        throw new Error("SASL: Only mechanism(s) " + candidates.join(" and ") + " are supported");
      }
      if (mechanism === "SCRAM-SHA-256-PLUS" && typeof stream.getPeerCertificate !== "function") {
        throw new Error("SASL: Mechanism SCRAM-SHA-256-PLUS requires a certificate");
      }
      const clientNonce = crypto.randomBytes(18).toString("base64");
      const gs2Header = mechanism === "SCRAM-SHA-256-PLUS" ? "p=tls-server-end-point" : stream ? "y" : "n";
      return {
        mechanism,
        clientNonce,
        response: gs2Header + ",,n=*,r=" + clientNonce,
        message: "SASLInitialResponse",
        scramMaxIterations
      };
    }
    async function continueSession(session, password, serverData, stream) {
      if (session.message !== "SASLInitialResponse") {
        throw new Error("SASL: Last message was not SASLInitialResponse");
      }
      if (typeof password !== "string") {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string");
      }
      if (password === "") {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a non-empty string");
      }
      if (typeof serverData !== "string") {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: serverData must be a string");
      }
      const sv = parseServerFirstMessage(serverData);
      if (!sv.nonce.startsWith(session.clientNonce)) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: server nonce does not start with client nonce");
      } else if (sv.nonce.length === session.clientNonce.length) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: server nonce is too short");
      }
      const scramMaxIterations = typeof session.scramMaxIterations === "number" ? session.scramMaxIterations : DEFAULT_MAX_SCRAM_ITERATIONS;
      if (scramMaxIterations !== 0 && sv.iteration > scramMaxIterations) {
        throw new Error(
          "SASL: SCRAM-SERVER-FIRST-MESSAGE: iteration count " + sv.iteration + " exceeds scramMaxIterations of " + scramMaxIterations
        );
      }
      const clientFirstMessageBare = "n=*,r=" + session.clientNonce;
      const serverFirstMessage = "r=" + sv.nonce + ",s=" + sv.salt + ",i=" + sv.iteration;
      let channelBinding = stream ? "eSws" : "biws";
      if (session.mechanism === "SCRAM-SHA-256-PLUS") {
        const peerCert = stream.getPeerCertificate().raw;
        let hashName = signatureAlgorithmHashFromCertificate(peerCert);
        if (hashName === "MD5" || hashName === "SHA-1") hashName = "SHA-256";
        const certHash = await crypto.hashByName(hashName, peerCert);
        const bindingData = Buffer.concat([Buffer.from("p=tls-server-end-point,,"), Buffer.from(certHash)]);
        channelBinding = bindingData.toString("base64");
      }
      const clientFinalMessageWithoutProof = "c=" + channelBinding + ",r=" + sv.nonce;
      const authMessage = clientFirstMessageBare + "," + serverFirstMessage + "," + clientFinalMessageWithoutProof;
      const saltBytes = Buffer.from(sv.salt, "base64");
      const saltedPassword = await crypto.deriveKey(saslprep(password), saltBytes, sv.iteration);
      const clientKey = await crypto.hmacSha256(saltedPassword, "Client Key");
      const storedKey = await crypto.sha256(clientKey);
      const clientSignature = await crypto.hmacSha256(storedKey, authMessage);
      const clientProof = xorBuffers(Buffer.from(clientKey), Buffer.from(clientSignature)).toString("base64");
      const serverKey = await crypto.hmacSha256(saltedPassword, "Server Key");
      const serverSignatureBytes = await crypto.hmacSha256(serverKey, authMessage);
      session.message = "SASLResponse";
      session.serverSignature = Buffer.from(serverSignatureBytes).toString("base64");
      session.response = clientFinalMessageWithoutProof + ",p=" + clientProof;
    }
    function finalizeSession(session, serverData) {
      if (session.message !== "SASLResponse") {
        throw new Error("SASL: Last message was not SASLResponse");
      }
      if (typeof serverData !== "string") {
        throw new Error("SASL: SCRAM-SERVER-FINAL-MESSAGE: serverData must be a string");
      }
      const { serverSignature } = parseServerFinalMessage(serverData);
      if (serverSignature !== session.serverSignature) {
        throw new Error("SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature does not match");
      }
    }
    function isPrintableChars(text) {
      if (typeof text !== "string") {
        throw new TypeError("SASL: text must be a string");
      }
      return text.split("").map((_, i) => text.charCodeAt(i)).every((c) => c >= 33 && c <= 43 || c >= 45 && c <= 126);
    }
    function isBase64(text) {
      return /^(?:[a-zA-Z0-9+/]{4})*(?:[a-zA-Z0-9+/]{2}==|[a-zA-Z0-9+/]{3}=)?$/.test(text);
    }
    function parseAttributePairs(text) {
      if (typeof text !== "string") {
        throw new TypeError("SASL: attribute pairs text must be a string");
      }
      return new Map(
        text.split(",").map((attrValue) => {
          if (!/^.=/.test(attrValue)) {
            throw new Error("SASL: Invalid attribute pair entry");
          }
          const name = attrValue[0];
          const value = attrValue.substring(2);
          return [name, value];
        })
      );
    }
    function parseServerFirstMessage(data) {
      const attrPairs = parseAttributePairs(data);
      const nonce = attrPairs.get("r");
      if (!nonce) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: nonce missing");
      } else if (!isPrintableChars(nonce)) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: nonce must only contain printable characters");
      }
      const salt = attrPairs.get("s");
      if (!salt) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: salt missing");
      } else if (!isBase64(salt)) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: salt must be base64");
      }
      const iterationText = attrPairs.get("i");
      if (!iterationText) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: iteration missing");
      } else if (!/^[1-9][0-9]*$/.test(iterationText)) {
        throw new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: invalid iteration count");
      }
      const iteration = parseInt(iterationText, 10);
      return {
        nonce,
        salt,
        iteration
      };
    }
    function parseServerFinalMessage(serverData) {
      const attrPairs = parseAttributePairs(serverData);
      const error = attrPairs.get("e");
      const serverSignature = attrPairs.get("v");
      if (error) {
        throw new Error(`SASL: SCRAM-SERVER-FINAL-MESSAGE: server returned error: "${error}"`);
      }
      if (!serverSignature) {
        throw new Error("SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature is missing");
      } else if (!isBase64(serverSignature)) {
        throw new Error("SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature must be base64");
      }
      return {
        serverSignature
      };
    }
    function xorBuffers(a, b) {
      if (!Buffer.isBuffer(a)) {
        throw new TypeError("first argument must be a Buffer");
      }
      if (!Buffer.isBuffer(b)) {
        throw new TypeError("second argument must be a Buffer");
      }
      if (a.length !== b.length) {
        throw new Error("Buffer lengths must match");
      }
      if (a.length === 0) {
        throw new Error("Buffers cannot be empty");
      }
      return Buffer.from(a.map((_, i) => a[i] ^ b[i]));
    }
    module.exports = {
      startSession,
      continueSession,
      finalizeSession,
      DEFAULT_MAX_SCRAM_ITERATIONS
    };
  }
});

// node_modules/pg/lib/type-overrides.js
var require_type_overrides = __commonJS({
  "node_modules/pg/lib/type-overrides.js"(exports, module) {
    "use strict";
    var types2 = require_pg_types();
    function TypeOverrides2(userTypes) {
      this._types = userTypes || types2;
      this.text = {};
      this.binary = {};
    }
    TypeOverrides2.prototype.getOverrides = function(format) {
      switch (format) {
        case "text":
          return this.text;
        case "binary":
          return this.binary;
        default:
          return {};
      }
    };
    TypeOverrides2.prototype.setTypeParser = function(oid, format, parseFn) {
      if (typeof format === "function") {
        parseFn = format;
        format = "text";
      }
      this.getOverrides(format)[oid] = parseFn;
    };
    TypeOverrides2.prototype.getTypeParser = function(oid, format) {
      format = format || "text";
      return this.getOverrides(format)[oid] || this._types.getTypeParser(oid, format);
    };
    module.exports = TypeOverrides2;
  }
});

// node_modules/pg-connection-string/index.js
var require_pg_connection_string = __commonJS({
  "node_modules/pg-connection-string/index.js"(exports, module) {
    "use strict";
    function parse2(str, options = {}) {
      if (str.charAt(0) === "/") {
        const config2 = str.split(" ");
        return { host: config2[0], database: config2[1] };
      }
      const config = /* @__PURE__ */ Object.create(null);
      let result;
      let dummyHost = false;
      if (/ |%[^a-f0-9]|%[a-f0-9][^a-f0-9]/i.test(str)) {
        str = encodeURI(str).replace(/%25(\d\d)/g, "%$1");
      }
      try {
        try {
          result = new URL(str, "postgres://base");
        } catch (e) {
          result = new URL(str.replace("@/", "@___DUMMY___/"), "postgres://base");
          dummyHost = true;
        }
      } catch (err) {
        err.input && (err.input = "*****REDACTED*****");
        throw err;
      }
      for (const entry of result.searchParams.entries()) {
        config[entry[0]] = entry[1];
      }
      config.user = config.user || decodeURIComponent(result.username);
      config.password = config.password || decodeURIComponent(result.password);
      if (result.protocol == "socket:") {
        config.host = decodeURI(result.pathname);
        config.database = result.searchParams.get("db");
        config.client_encoding = result.searchParams.get("encoding");
        return config;
      }
      const hostname = (dummyHost ? "" : result.hostname).replace(/^\[(.+)\]$/, "$1");
      if (!config.host) {
        config.host = decodeURIComponent(hostname);
      } else if (hostname && /^%2f/i.test(hostname)) {
        result.pathname = hostname + result.pathname;
      }
      if (!config.port) {
        config.port = result.port;
      }
      const pathname = result.pathname.slice(1) || null;
      config.database = pathname ? decodeURI(pathname) : null;
      if (config.ssl === "true" || config.ssl === "1") {
        config.ssl = true;
      }
      if (config.ssl === "0") {
        config.ssl = false;
      }
      if (config.sslcert || config.sslkey || config.sslrootcert || config.sslmode) {
        config.ssl = {};
      }
      if (config.sslnegotiation === "direct" && config.ssl === void 0) {
        config.ssl = true;
      }
      const fs = config.sslcert || config.sslkey || config.sslrootcert ? __require("fs") : null;
      if (config.sslcert) {
        config.ssl.cert = fs.readFileSync(config.sslcert).toString();
      }
      if (config.sslkey) {
        config.ssl.key = fs.readFileSync(config.sslkey).toString();
      }
      if (config.sslrootcert) {
        config.ssl.ca = fs.readFileSync(config.sslrootcert).toString();
      }
      if (options.useLibpqCompat && config.uselibpqcompat) {
        throw new Error("Both useLibpqCompat and uselibpqcompat are set. Please use only one of them.");
      }
      if (config.uselibpqcompat === "true" || options.useLibpqCompat) {
        switch (config.sslmode) {
          case "disable": {
            config.ssl = false;
            break;
          }
          case "prefer": {
            config.ssl.rejectUnauthorized = false;
            break;
          }
          case "require": {
            if (config.sslrootcert) {
              config.ssl.checkServerIdentity = function() {
              };
            } else {
              config.ssl.rejectUnauthorized = false;
            }
            break;
          }
          case "verify-ca": {
            if (!config.ssl.ca) {
              throw new Error(
                "SECURITY WARNING: Using sslmode=verify-ca requires specifying a CA with sslrootcert. If a public CA is used, verify-ca allows connections to a server that somebody else may have registered with the CA, making you vulnerable to Man-in-the-Middle attacks. Either specify a custom CA certificate with sslrootcert parameter or use sslmode=verify-full for proper security."
              );
            }
            config.ssl.checkServerIdentity = function() {
            };
            break;
          }
          case "verify-full": {
            break;
          }
        }
      } else {
        switch (config.sslmode) {
          case "disable": {
            config.ssl = false;
            break;
          }
          case "prefer":
          case "require":
          case "verify-ca":
          case "verify-full": {
            if (config.sslmode !== "verify-full") {
              deprecatedSslModeWarning(config.sslmode);
            }
            break;
          }
          case "no-verify": {
            config.ssl.rejectUnauthorized = false;
            break;
          }
        }
      }
      return config;
    }
    function toConnectionOptions(sslConfig) {
      const connectionOptions = Object.entries(sslConfig).reduce((c, [key2, value]) => {
        if (value !== void 0 && value !== null) {
          c[key2] = value;
        }
        return c;
      }, /* @__PURE__ */ Object.create(null));
      return connectionOptions;
    }
    function toClientConfig(config) {
      const poolConfig = Object.entries(config).reduce((c, [key2, value]) => {
        if (key2 === "ssl") {
          const sslConfig = value;
          if (typeof sslConfig === "boolean") {
            c[key2] = sslConfig;
          }
          if (typeof sslConfig === "object") {
            c[key2] = toConnectionOptions(sslConfig);
          }
        } else if (value !== void 0 && value !== null) {
          if (key2 === "port") {
            if (value !== "") {
              const v = parseInt(value, 10);
              if (isNaN(v)) {
                throw new Error(`Invalid ${key2}: ${value}`);
              }
              c[key2] = v;
            }
          } else {
            c[key2] = value;
          }
        }
        return c;
      }, /* @__PURE__ */ Object.create(null));
      return poolConfig;
    }
    function parseIntoClientConfig(str) {
      return toClientConfig(parse2(str));
    }
    function deprecatedSslModeWarning(sslmode) {
      if (!deprecatedSslModeWarning.warned && typeof process !== "undefined" && process.emitWarning) {
        deprecatedSslModeWarning.warned = true;
        process.emitWarning(`SECURITY WARNING: The SSL modes 'prefer', 'require', and 'verify-ca' are treated as aliases for 'verify-full'.
In the next major version (pg-connection-string v3.0.0 and pg v9.0.0), these modes will adopt standard libpq semantics, which have weaker security guarantees.

To prepare for this change:
- If you want the current behavior, explicitly use 'sslmode=verify-full'
- If you want libpq compatibility now, use 'uselibpqcompat=true&sslmode=${sslmode}'

See https://www.postgresql.org/docs/current/libpq-ssl.html for libpq SSL mode definitions.`);
      }
    }
    module.exports = parse2;
    parse2.parse = parse2;
    parse2.toClientConfig = toClientConfig;
    parse2.parseIntoClientConfig = parseIntoClientConfig;
  }
});

// node_modules/pg/lib/connection-parameters.js
var require_connection_parameters = __commonJS({
  "node_modules/pg/lib/connection-parameters.js"(exports, module) {
    "use strict";
    var dns = __require("dns");
    var defaults2 = require_defaults();
    var parse2 = require_pg_connection_string().parse;
    var val = function(key2, config, envVar) {
      if (config[key2]) {
        return config[key2];
      }
      if (envVar === void 0) {
        envVar = process.env["PG" + key2.toUpperCase()];
      } else if (envVar === false) {
      } else {
        envVar = process.env[envVar];
      }
      return envVar || defaults2[key2];
    };
    var readSSLConfigFromEnvironment = function() {
      switch (process.env.PGSSLMODE) {
        case "disable":
          return false;
        case "prefer":
        case "require":
        case "verify-ca":
        case "verify-full":
          return true;
        case "no-verify":
          return { rejectUnauthorized: false };
      }
      return defaults2.ssl;
    };
    var quoteParamValue = function(value) {
      return "'" + ("" + value).replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "'";
    };
    var add = function(params, config, paramName) {
      const value = config[paramName];
      if (value !== void 0 && value !== null) {
        params.push(paramName + "=" + quoteParamValue(value));
      }
    };
    var ConnectionParameters = class {
      constructor(config) {
        config = typeof config === "string" ? parse2(config) : config || {};
        if (config.connectionString) {
          config = Object.assign({}, config, parse2(config.connectionString));
        }
        this.user = val("user", config);
        this.database = val("database", config);
        if (this.database === void 0) {
          this.database = this.user;
        }
        this.port = parseInt(val("port", config), 10);
        this.host = val("host", config);
        Object.defineProperty(this, "password", {
          configurable: true,
          enumerable: false,
          writable: true,
          value: val("password", config)
        });
        this.binary = val("binary", config);
        this.options = val("options", config);
        this.ssl = typeof config.ssl === "undefined" ? readSSLConfigFromEnvironment() : config.ssl;
        if (typeof this.ssl === "string") {
          if (this.ssl === "true") {
            this.ssl = true;
          }
        }
        if (this.ssl === "no-verify") {
          this.ssl = { rejectUnauthorized: false };
        }
        if (this.ssl && this.ssl.key) {
          Object.defineProperty(this.ssl, "key", {
            enumerable: false
          });
        }
        this.sslnegotiation = val("sslnegotiation", config, "PGSSLNEGOTIATION");
        if (this.sslnegotiation !== void 0 && this.sslnegotiation !== "postgres" && this.sslnegotiation !== "direct") {
          throw new Error(
            `Invalid sslnegotiation value: "${this.sslnegotiation}". Valid values are "postgres" and "direct".`
          );
        }
        if (this.sslnegotiation === "direct" && !this.ssl) {
          throw new Error("sslnegotiation=direct requires SSL to be enabled");
        }
        this.client_encoding = val("client_encoding", config);
        this.replication = val("replication", config);
        this.isDomainSocket = !(this.host || "").indexOf("/");
        this.application_name = val("application_name", config, "PGAPPNAME");
        this.fallback_application_name = val("fallback_application_name", config, false);
        this.statement_timeout = val("statement_timeout", config, false);
        this.lock_timeout = val("lock_timeout", config, false);
        this.idle_in_transaction_session_timeout = val("idle_in_transaction_session_timeout", config, false);
        this.query_timeout = val("query_timeout", config, false);
        if (config.connectionTimeoutMillis === void 0) {
          this.connect_timeout = process.env.PGCONNECT_TIMEOUT || 0;
        } else {
          this.connect_timeout = Math.floor(config.connectionTimeoutMillis / 1e3);
        }
        if (config.keepAlive === false) {
          this.keepalives = 0;
        } else if (config.keepAlive === true) {
          this.keepalives = 1;
        }
        if (typeof config.keepAliveInitialDelayMillis === "number") {
          this.keepalives_idle = Math.floor(config.keepAliveInitialDelayMillis / 1e3);
        }
      }
      getLibpqConnectionString(cb) {
        const params = [];
        add(params, this, "user");
        add(params, this, "password");
        add(params, this, "port");
        add(params, this, "application_name");
        add(params, this, "fallback_application_name");
        add(params, this, "connect_timeout");
        add(params, this, "options");
        const ssl = typeof this.ssl === "object" ? this.ssl : this.ssl ? { sslmode: this.ssl } : {};
        add(params, ssl, "sslmode");
        add(params, ssl, "sslca");
        add(params, ssl, "sslkey");
        add(params, ssl, "sslcert");
        add(params, ssl, "sslrootcert");
        add(params, this, "sslnegotiation");
        if (this.database) {
          params.push("dbname=" + quoteParamValue(this.database));
        }
        if (this.replication) {
          params.push("replication=" + quoteParamValue(this.replication));
        }
        if (this.host) {
          params.push("host=" + quoteParamValue(this.host));
        }
        if (this.isDomainSocket) {
          return cb(null, params.join(" "));
        }
        if (this.client_encoding) {
          params.push("client_encoding=" + quoteParamValue(this.client_encoding));
        }
        dns.lookup(this.host, function(err, address) {
          if (err) return cb(err, null);
          params.push("hostaddr=" + quoteParamValue(address));
          return cb(null, params.join(" "));
        });
      }
    };
    module.exports = ConnectionParameters;
  }
});

// node_modules/pg/lib/result.js
var require_result = __commonJS({
  "node_modules/pg/lib/result.js"(exports, module) {
    "use strict";
    var types2 = require_pg_types();
    var matchRegexp = /^([A-Za-z]+)(?: (\d+))?(?: (\d+))?/;
    var Result2 = class {
      constructor(rowMode, types3) {
        this.command = null;
        this.rowCount = null;
        this.oid = null;
        this.rows = [];
        this.fields = [];
        this._parsers = void 0;
        this._types = types3;
        this.RowCtor = null;
        this.rowAsArray = rowMode === "array";
        if (this.rowAsArray) {
          this.parseRow = this._parseRowAsArray;
        }
        this._prebuiltEmptyResultObject = null;
      }
      // adds a command complete message
      addCommandComplete(msg) {
        let match;
        if (msg.text) {
          match = matchRegexp.exec(msg.text);
        } else {
          match = matchRegexp.exec(msg.command);
        }
        if (match) {
          this.command = match[1];
          if (match[3]) {
            this.oid = parseInt(match[2], 10);
            this.rowCount = parseInt(match[3], 10);
          } else if (match[2]) {
            this.rowCount = parseInt(match[2], 10);
          }
        }
      }
      _parseRowAsArray(rowData) {
        const row = new Array(rowData.length);
        for (let i = 0, len = rowData.length; i < len; i++) {
          const rawValue = rowData[i];
          if (rawValue !== null) {
            row[i] = this._parsers[i](rawValue);
          } else {
            row[i] = null;
          }
        }
        return row;
      }
      parseRow(rowData) {
        const row = { ...this._prebuiltEmptyResultObject };
        for (let i = 0, len = rowData.length; i < len; i++) {
          const rawValue = rowData[i];
          const field = this.fields[i].name;
          if (rawValue !== null) {
            const v = this.fields[i].format === "binary" ? Buffer.from(rawValue) : rawValue;
            row[field] = this._parsers[i](v);
          } else {
            row[field] = null;
          }
        }
        return row;
      }
      addRow(row) {
        this.rows.push(row);
      }
      addFields(fieldDescriptions) {
        this.fields = fieldDescriptions;
        if (this.fields.length) {
          this._parsers = new Array(fieldDescriptions.length);
        }
        const row = /* @__PURE__ */ Object.create(null);
        for (let i = 0; i < fieldDescriptions.length; i++) {
          const desc = fieldDescriptions[i];
          row[desc.name] = null;
          if (this._types) {
            this._parsers[i] = this._types.getTypeParser(desc.dataTypeID, desc.format || "text");
          } else {
            this._parsers[i] = types2.getTypeParser(desc.dataTypeID, desc.format || "text");
          }
        }
        this._prebuiltEmptyResultObject = { ...row };
      }
    };
    module.exports = Result2;
  }
});

// node_modules/pg/lib/query.js
var require_query = __commonJS({
  "node_modules/pg/lib/query.js"(exports, module) {
    "use strict";
    var { EventEmitter } = __require("events");
    var Result2 = require_result();
    var utils = require_utils();
    var Query2 = class extends EventEmitter {
      constructor(config, values, callback) {
        super();
        config = utils.normalizeQueryConfig(config, values, callback);
        this.text = config.text;
        this.values = config.values;
        this.rows = config.rows;
        this.types = config.types;
        this.name = config.name;
        this.queryMode = config.queryMode;
        this.binary = config.binary;
        this.portal = config.portal || "";
        this.callback = config.callback;
        this._rowMode = config.rowMode;
        if (process.domain && config.callback) {
          this.callback = process.domain.bind(config.callback);
        }
        this._result = new Result2(this._rowMode, this.types);
        this._results = this._result;
        this._canceledDueToError = false;
      }
      requiresPreparation() {
        if (this.queryMode === "extended") {
          return true;
        }
        if (this.name) {
          return true;
        }
        if (this.rows) {
          return true;
        }
        if (!this.text) {
          return false;
        }
        if (!this.values) {
          return false;
        }
        return this.values.length > 0;
      }
      _checkForMultirow() {
        if (this._result.command) {
          if (!Array.isArray(this._results)) {
            this._results = [this._result];
          }
          this._result = new Result2(this._rowMode, this._result._types);
          this._results.push(this._result);
        }
      }
      // associates row metadata from the supplied
      // message with this query object
      // metadata used when parsing row results
      handleRowDescription(msg) {
        this._checkForMultirow();
        this._result.addFields(msg.fields);
        this._accumulateRows = this.callback || !this.listeners("row").length;
      }
      handleDataRow(msg) {
        let row;
        if (this._canceledDueToError) {
          return;
        }
        try {
          row = this._result.parseRow(msg.fields);
        } catch (err) {
          this._canceledDueToError = err;
          return;
        }
        this.emit("row", row, this._result);
        if (this._accumulateRows) {
          this._result.addRow(row);
        }
      }
      handleCommandComplete(msg, connection) {
        this._checkForMultirow();
        this._result.addCommandComplete(msg);
        if (this.rows) {
          connection.sync();
        }
      }
      // if a named prepared statement is created with empty query text
      // the backend will send an emptyQuery message but *not* a command complete message
      // since we pipeline sync immediately after execute we don't need to do anything here
      // unless we have rows specified, in which case we did not pipeline the initial sync call
      handleEmptyQuery(connection) {
        if (this.rows) {
          connection.sync();
        }
      }
      handleError(err, connection) {
        if (this._canceledDueToError) {
          err = this._canceledDueToError;
          this._canceledDueToError = false;
        }
        if (this.callback) {
          return this.callback(err);
        }
        this.emit("error", err);
      }
      handleReadyForQuery(con) {
        if (this._canceledDueToError) {
          return this.handleError(this._canceledDueToError, con);
        }
        if (this.callback) {
          try {
            this.callback(null, this._results);
          } catch (err) {
            process.nextTick(() => {
              throw err;
            });
          }
        }
        this.emit("end", this._results);
      }
      submit(connection) {
        if (typeof this.text !== "string" && typeof this.name !== "string") {
          return new Error("A query must have either text or a name. Supplying neither is unsupported.");
        }
        const previous = connection.parsedStatements[this.name] || connection.submittedNamedStatements[this.name];
        if (this.text && previous && this.text !== previous) {
          return new Error(`Prepared statements must be unique - '${this.name}' was used for a different statement`);
        }
        if (this.values && !Array.isArray(this.values)) {
          return new Error("Query values must be an array");
        }
        if (this.requiresPreparation()) {
          connection.stream.cork && connection.stream.cork();
          try {
            this.prepare(connection);
          } finally {
            connection.stream.uncork && connection.stream.uncork();
          }
        } else {
          connection.query(this.text);
        }
        return null;
      }
      hasBeenParsed(connection) {
        return this.name && (connection.parsedStatements[this.name] !== void 0 || connection.submittedNamedStatements[this.name] !== void 0);
      }
      handlePortalSuspended(connection) {
        this._getRows(connection, this.rows);
      }
      _getRows(connection, rows) {
        connection.execute({
          portal: this.portal,
          rows
        });
        if (!rows) {
          connection.sync();
        } else {
          connection.flush();
        }
      }
      // http://developer.postgresql.org/pgdocs/postgres/protocol-flow.html#PROTOCOL-FLOW-EXT-QUERY
      prepare(connection) {
        if (!this.hasBeenParsed(connection)) {
          connection.parse({
            text: this.text,
            name: this.name,
            types: this.types
          });
          if (this.name) {
            connection.submittedNamedStatements[this.name] = this.text;
          }
        }
        try {
          connection.bind({
            portal: this.portal,
            statement: this.name,
            values: this.values,
            binary: this.binary,
            valueMapper: utils.prepareValue
          });
        } catch (err) {
          connection.close({ type: "S", name: this.name });
          connection.sync();
          this.handleError(err, connection);
          return;
        }
        connection.describe({
          type: "P",
          name: this.portal || ""
        });
        this._getRows(connection, this.rows);
      }
      handleCopyInResponse(connection) {
        connection.sendCopyFail("No source stream defined");
      }
      handleCopyData(msg, connection) {
      }
    };
    module.exports = Query2;
  }
});

// node_modules/pg-protocol/dist/messages.js
var require_messages = __commonJS({
  "node_modules/pg-protocol/dist/messages.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.NoticeMessage = exports.DataRowMessage = exports.CommandCompleteMessage = exports.ReadyForQueryMessage = exports.NotificationResponseMessage = exports.BackendKeyDataMessage = exports.AuthenticationMD5Password = exports.ParameterStatusMessage = exports.ParameterDescriptionMessage = exports.RowDescriptionMessage = exports.Field = exports.CopyResponse = exports.CopyDataMessage = exports.DatabaseError = exports.copyDone = exports.emptyQuery = exports.replicationStart = exports.portalSuspended = exports.noData = exports.closeComplete = exports.bindComplete = exports.parseComplete = void 0;
    exports.parseComplete = {
      name: "parseComplete",
      length: 5
    };
    exports.bindComplete = {
      name: "bindComplete",
      length: 5
    };
    exports.closeComplete = {
      name: "closeComplete",
      length: 5
    };
    exports.noData = {
      name: "noData",
      length: 5
    };
    exports.portalSuspended = {
      name: "portalSuspended",
      length: 5
    };
    exports.replicationStart = {
      name: "replicationStart",
      length: 4
    };
    exports.emptyQuery = {
      name: "emptyQuery",
      length: 4
    };
    exports.copyDone = {
      name: "copyDone",
      length: 4
    };
    var DatabaseError2 = class extends Error {
      constructor(message, length, name) {
        super(message);
        this.length = length;
        this.name = name;
      }
    };
    exports.DatabaseError = DatabaseError2;
    var CopyDataMessage = class {
      constructor(length, chunk) {
        this.length = length;
        this.chunk = chunk;
        this.name = "copyData";
      }
    };
    exports.CopyDataMessage = CopyDataMessage;
    var CopyResponse = class {
      constructor(length, name, binary, columnCount) {
        this.length = length;
        this.name = name;
        this.binary = binary;
        this.columnTypes = new Array(columnCount);
      }
    };
    exports.CopyResponse = CopyResponse;
    var Field = class {
      constructor(name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier, format) {
        this.name = name;
        this.tableID = tableID;
        this.columnID = columnID;
        this.dataTypeID = dataTypeID;
        this.dataTypeSize = dataTypeSize;
        this.dataTypeModifier = dataTypeModifier;
        this.format = format;
      }
    };
    exports.Field = Field;
    var RowDescriptionMessage = class {
      constructor(length, fieldCount) {
        this.length = length;
        this.fieldCount = fieldCount;
        this.name = "rowDescription";
        this.fields = new Array(this.fieldCount);
      }
    };
    exports.RowDescriptionMessage = RowDescriptionMessage;
    var ParameterDescriptionMessage = class {
      constructor(length, parameterCount) {
        this.length = length;
        this.parameterCount = parameterCount;
        this.name = "parameterDescription";
        this.dataTypeIDs = new Array(this.parameterCount);
      }
    };
    exports.ParameterDescriptionMessage = ParameterDescriptionMessage;
    var ParameterStatusMessage = class {
      constructor(length, parameterName, parameterValue) {
        this.length = length;
        this.parameterName = parameterName;
        this.parameterValue = parameterValue;
        this.name = "parameterStatus";
      }
    };
    exports.ParameterStatusMessage = ParameterStatusMessage;
    var AuthenticationMD5Password = class {
      constructor(length, salt) {
        this.length = length;
        this.salt = salt;
        this.name = "authenticationMD5Password";
      }
    };
    exports.AuthenticationMD5Password = AuthenticationMD5Password;
    var BackendKeyDataMessage = class {
      constructor(length, processID, secretKey) {
        this.length = length;
        this.processID = processID;
        this.secretKey = secretKey;
        this.name = "backendKeyData";
      }
    };
    exports.BackendKeyDataMessage = BackendKeyDataMessage;
    var NotificationResponseMessage = class {
      constructor(length, processId, channel, payload) {
        this.length = length;
        this.processId = processId;
        this.channel = channel;
        this.payload = payload;
        this.name = "notification";
      }
    };
    exports.NotificationResponseMessage = NotificationResponseMessage;
    var ReadyForQueryMessage = class {
      constructor(length, status) {
        this.length = length;
        this.status = status;
        this.name = "readyForQuery";
      }
    };
    exports.ReadyForQueryMessage = ReadyForQueryMessage;
    var CommandCompleteMessage = class {
      constructor(length, text) {
        this.length = length;
        this.text = text;
        this.name = "commandComplete";
      }
    };
    exports.CommandCompleteMessage = CommandCompleteMessage;
    var DataRowMessage = class {
      constructor(length, fields) {
        this.length = length;
        this.fields = fields;
        this.name = "dataRow";
        this.fieldCount = fields.length;
      }
    };
    exports.DataRowMessage = DataRowMessage;
    var NoticeMessage = class {
      constructor(length, message) {
        this.length = length;
        this.message = message;
        this.name = "notice";
      }
    };
    exports.NoticeMessage = NoticeMessage;
  }
});

// node_modules/pg-protocol/dist/buffer-writer.js
var require_buffer_writer = __commonJS({
  "node_modules/pg-protocol/dist/buffer-writer.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Writer = void 0;
    var Writer = class {
      constructor(size = 256) {
        this.size = size;
        this.offset = 5;
        this.headerPosition = 0;
        this.buffer = Buffer.allocUnsafe(size);
      }
      ensure(size) {
        const remaining = this.buffer.length - this.offset;
        if (remaining < size) {
          const oldBuffer = this.buffer;
          const newSize = oldBuffer.length + (oldBuffer.length >> 1) + size;
          this.buffer = Buffer.allocUnsafe(newSize);
          oldBuffer.copy(this.buffer, 0, 0, this.offset);
        }
      }
      addInt32(num) {
        this.ensure(4);
        this.buffer[this.offset++] = num >>> 24 & 255;
        this.buffer[this.offset++] = num >>> 16 & 255;
        this.buffer[this.offset++] = num >>> 8 & 255;
        this.buffer[this.offset++] = num >>> 0 & 255;
        return this;
      }
      addInt16(num) {
        this.ensure(2);
        this.buffer[this.offset++] = num >>> 8 & 255;
        this.buffer[this.offset++] = num >>> 0 & 255;
        return this;
      }
      addCString(string) {
        if (!string) {
          this.ensure(1);
        } else {
          const len = Buffer.byteLength(string);
          this.ensure(len + 1);
          this.buffer.write(string, this.offset, "utf-8");
          this.offset += len;
        }
        this.buffer[this.offset++] = 0;
        return this;
      }
      addString(string = "") {
        const len = Buffer.byteLength(string);
        this.ensure(len);
        this.buffer.write(string, this.offset);
        this.offset += len;
        return this;
      }
      // Write an Int32 byte-length prefix immediately followed by the string's UTF-8
      // bytes. Postgres' Bind wire format prefixes every parameter with its length,
      // and doing it in one method computes Buffer.byteLength ONCE — the previous
      // `addInt32(Buffer.byteLength(s)).addString(s)` pairing scanned the string
      // three times (byteLength for the prefix, byteLength again inside addString,
      // then the encode), which is costly for large text parameters.
      addInt32PrefixedString(string) {
        const len = Buffer.byteLength(string);
        this.ensure(4 + len);
        const buffer = this.buffer;
        let offset = this.offset;
        buffer[offset++] = len >>> 24 & 255;
        buffer[offset++] = len >>> 16 & 255;
        buffer[offset++] = len >>> 8 & 255;
        buffer[offset++] = len >>> 0 & 255;
        buffer.write(string, offset, "utf-8");
        this.offset = offset + len;
        return this;
      }
      add(otherBuffer) {
        this.ensure(otherBuffer.length);
        otherBuffer.copy(this.buffer, this.offset);
        this.offset += otherBuffer.length;
        return this;
      }
      /**
       * Appends an uninitialized block of {@link size} bytes to the buffer and returns its offset.
       */
      reserveUnsafe(size) {
        const offset = this.offset;
        this.ensure(size);
        this.offset += size;
        return offset;
      }
      join(code) {
        if (code) {
          this.buffer[this.headerPosition] = code;
          const length = this.offset - (this.headerPosition + 1);
          this.buffer.writeInt32BE(length, this.headerPosition + 1);
        }
        return this.buffer.slice(code ? 0 : 5, this.offset);
      }
      flush(code) {
        const result = this.join(code);
        this.offset = 5;
        this.headerPosition = 0;
        this.buffer = Buffer.allocUnsafe(this.size);
        return result;
      }
      clear() {
        this.offset = 5;
        this.headerPosition = 0;
      }
    };
    exports.Writer = Writer;
  }
});

// node_modules/pg-protocol/dist/serializer.js
var require_serializer = __commonJS({
  "node_modules/pg-protocol/dist/serializer.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.serialize = void 0;
    var buffer_writer_1 = require_buffer_writer();
    var writer2 = new buffer_writer_1.Writer();
    var startup = (opts) => {
      writer2.addInt16(3).addInt16(0);
      for (const key2 of Object.keys(opts)) {
        writer2.addCString(key2).addCString(opts[key2]);
      }
      writer2.addCString("client_encoding").addCString("UTF8");
      const bodyBuffer = writer2.addCString("").flush();
      const length = bodyBuffer.length + 4;
      return new buffer_writer_1.Writer().addInt32(length).add(bodyBuffer).flush();
    };
    var requestSsl = () => {
      const response = Buffer.allocUnsafe(8);
      response.writeInt32BE(8, 0);
      response.writeInt32BE(80877103, 4);
      return response;
    };
    var password = (password2) => {
      return writer2.addCString(password2).flush(
        112
        /* code.startup */
      );
    };
    var sendSASLInitialResponseMessage = function(mechanism, initialResponse) {
      writer2.addCString(mechanism).addInt32PrefixedString(initialResponse);
      return writer2.flush(
        112
        /* code.startup */
      );
    };
    var sendSCRAMClientFinalMessage = function(additionalData) {
      return writer2.addString(additionalData).flush(
        112
        /* code.startup */
      );
    };
    var query = (text) => {
      return writer2.addCString(text).flush(
        81
        /* code.query */
      );
    };
    var emptyArray = [];
    var parse2 = (query2) => {
      const name = query2.name || "";
      if (name.length > 63) {
        console.error("Warning! Postgres only supports 63 characters for query names.");
        console.error("You supplied %s (%s)", name, name.length);
        console.error("This can cause conflicts and silent errors executing queries");
      }
      const types2 = query2.types || emptyArray;
      const len = types2.length;
      const buffer = writer2.addCString(name).addCString(query2.text).addInt16(len);
      for (let i = 0; i < len; i++) {
        buffer.addInt32(types2[i]);
      }
      return writer2.flush(
        80
        /* code.parse */
      );
    };
    var writeValues = function(values, valueMapper, formatsOffset) {
      const len = values.length;
      for (let i = 0; i < len; i++) {
        const mappedVal = valueMapper ? valueMapper(values[i], i) : values[i];
        let formatByte = 0;
        if (mappedVal == null) {
          writer2.addInt32(-1);
        } else if (mappedVal instanceof Buffer) {
          formatByte = 1;
          writer2.addInt32(mappedVal.length);
          writer2.add(mappedVal);
        } else {
          writer2.addInt32PrefixedString(mappedVal);
        }
        const buf = writer2.buffer;
        buf[formatsOffset++] = 0;
        buf[formatsOffset++] = formatByte;
      }
    };
    var bind = (config = {}) => {
      const portal = config.portal || "";
      const statement = config.statement || "";
      const binary = config.binary || false;
      const values = config.values || emptyArray;
      const len = values.length;
      writer2.addCString(portal).addCString(statement);
      writer2.addInt16(len);
      const formatsOffset = writer2.reserveUnsafe(len * 2);
      writer2.addInt16(len);
      try {
        writeValues(values, config.valueMapper, formatsOffset);
      } catch (err) {
        writer2.clear();
        throw err;
      }
      writer2.addInt16(1);
      writer2.addInt16(
        binary ? 1 : 0
        /* ParamType.STRING */
      );
      return writer2.flush(
        66
        /* code.bind */
      );
    };
    var emptyExecute = Buffer.from([69, 0, 0, 0, 9, 0, 0, 0, 0, 0]);
    var execute = (config) => {
      if (!config || !config.portal && !config.rows) {
        return emptyExecute;
      }
      const portal = config.portal || "";
      const rows = config.rows || 0;
      const portalLength = Buffer.byteLength(portal);
      const len = 4 + portalLength + 1 + 4;
      const buff = Buffer.allocUnsafe(1 + len);
      buff[0] = 69;
      buff.writeInt32BE(len, 1);
      buff.write(portal, 5, "utf-8");
      buff[portalLength + 5] = 0;
      buff.writeUInt32BE(rows, buff.length - 4);
      return buff;
    };
    var cancel = (processID, secretKey) => {
      const buffer = Buffer.allocUnsafe(16);
      buffer.writeInt32BE(16, 0);
      buffer.writeInt16BE(1234, 4);
      buffer.writeInt16BE(5678, 6);
      buffer.writeInt32BE(processID, 8);
      buffer.writeInt32BE(secretKey, 12);
      return buffer;
    };
    var cstringMessage = (code, string) => {
      const stringLen = Buffer.byteLength(string);
      const len = 4 + stringLen + 1;
      const buffer = Buffer.allocUnsafe(1 + len);
      buffer[0] = code;
      buffer.writeInt32BE(len, 1);
      buffer.write(string, 5, "utf-8");
      buffer[len] = 0;
      return buffer;
    };
    var emptyDescribePortal = writer2.addCString("P").flush(
      68
      /* code.describe */
    );
    var emptyDescribeStatement = writer2.addCString("S").flush(
      68
      /* code.describe */
    );
    var describe = (msg) => {
      return msg.name ? cstringMessage(68, `${msg.type}${msg.name || ""}`) : msg.type === "P" ? emptyDescribePortal : emptyDescribeStatement;
    };
    var close = (msg) => {
      const text = `${msg.type}${msg.name || ""}`;
      return cstringMessage(67, text);
    };
    var copyData = (chunk) => {
      return writer2.add(chunk).flush(
        100
        /* code.copyFromChunk */
      );
    };
    var copyFail = (message) => {
      return cstringMessage(102, message);
    };
    var codeOnlyBuffer = (code) => Buffer.from([code, 0, 0, 0, 4]);
    var flushBuffer = codeOnlyBuffer(
      72
      /* code.flush */
    );
    var syncBuffer = codeOnlyBuffer(
      83
      /* code.sync */
    );
    var endBuffer = codeOnlyBuffer(
      88
      /* code.end */
    );
    var copyDoneBuffer = codeOnlyBuffer(
      99
      /* code.copyDone */
    );
    var serialize = {
      startup,
      password,
      requestSsl,
      sendSASLInitialResponseMessage,
      sendSCRAMClientFinalMessage,
      query,
      parse: parse2,
      bind,
      execute,
      describe,
      close,
      flush: () => flushBuffer,
      sync: () => syncBuffer,
      end: () => endBuffer,
      copyData,
      copyDone: () => copyDoneBuffer,
      copyFail,
      cancel
    };
    exports.serialize = serialize;
  }
});

// node_modules/pg-protocol/dist/buffer-reader.js
var require_buffer_reader = __commonJS({
  "node_modules/pg-protocol/dist/buffer-reader.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.BufferReader = void 0;
    var BufferReader = class {
      constructor(offset = 0) {
        this.offset = offset;
        this.buffer = Buffer.allocUnsafe(0);
        this.encoding = "utf-8";
      }
      setBuffer(offset, buffer) {
        this.offset = offset;
        this.buffer = buffer;
      }
      int16() {
        const result = this.buffer.readInt16BE(this.offset);
        this.offset += 2;
        return result;
      }
      byte() {
        const result = this.buffer[this.offset];
        this.offset++;
        return result;
      }
      int32() {
        const result = this.buffer.readInt32BE(this.offset);
        this.offset += 4;
        return result;
      }
      uint32() {
        const result = this.buffer.readUInt32BE(this.offset);
        this.offset += 4;
        return result;
      }
      string(length) {
        const result = this.buffer.toString(this.encoding, this.offset, this.offset + length);
        this.offset += length;
        return result;
      }
      cstring() {
        const start = this.offset;
        let end = start;
        while (this.buffer[end++]) {
        }
        this.offset = end;
        return this.buffer.toString(this.encoding, start, end - 1);
      }
      bytes(length) {
        const result = this.buffer.slice(this.offset, this.offset + length);
        this.offset += length;
        return result;
      }
    };
    exports.BufferReader = BufferReader;
  }
});

// node_modules/pg-protocol/dist/parser.js
var require_parser = __commonJS({
  "node_modules/pg-protocol/dist/parser.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Parser = void 0;
    var messages_1 = require_messages();
    var buffer_reader_1 = require_buffer_reader();
    var CODE_LENGTH = 1;
    var LEN_LENGTH = 4;
    var HEADER_LENGTH = CODE_LENGTH + LEN_LENGTH;
    var LATEINIT_LENGTH = -1;
    var emptyBuffer = Buffer.allocUnsafe(0);
    var Parser = class {
      constructor(opts) {
        this.buffer = emptyBuffer;
        this.bufferLength = 0;
        this.bufferOffset = 0;
        this.reader = new buffer_reader_1.BufferReader();
        if ((opts === null || opts === void 0 ? void 0 : opts.mode) === "binary") {
          throw new Error("Binary mode not supported yet");
        }
        this.mode = (opts === null || opts === void 0 ? void 0 : opts.mode) || "text";
      }
      parse(buffer, callback) {
        this.mergeBuffer(buffer);
        const bufferFullLength = this.bufferOffset + this.bufferLength;
        let offset = this.bufferOffset;
        while (offset + HEADER_LENGTH <= bufferFullLength) {
          const code = this.buffer[offset];
          const length = this.buffer.readUInt32BE(offset + CODE_LENGTH);
          const fullMessageLength = CODE_LENGTH + length;
          if (fullMessageLength + offset <= bufferFullLength) {
            const message = this.handlePacket(offset + HEADER_LENGTH, code, length, this.buffer);
            callback(message);
            offset += fullMessageLength;
          } else {
            break;
          }
        }
        if (offset === bufferFullLength) {
          this.buffer = emptyBuffer;
          this.bufferLength = 0;
          this.bufferOffset = 0;
        } else {
          this.bufferLength = bufferFullLength - offset;
          this.bufferOffset = offset;
        }
      }
      mergeBuffer(buffer) {
        if (this.bufferLength > 0) {
          const newLength = this.bufferLength + buffer.byteLength;
          const newFullLength = newLength + this.bufferOffset;
          if (newFullLength > this.buffer.byteLength) {
            let newBuffer;
            if (newLength <= this.buffer.byteLength && this.bufferOffset >= this.bufferLength) {
              newBuffer = this.buffer;
            } else {
              let newBufferLength = this.buffer.byteLength * 2;
              while (newLength >= newBufferLength) {
                newBufferLength *= 2;
              }
              newBuffer = Buffer.allocUnsafe(newBufferLength);
            }
            this.buffer.copy(newBuffer, 0, this.bufferOffset, this.bufferOffset + this.bufferLength);
            this.buffer = newBuffer;
            this.bufferOffset = 0;
          }
          buffer.copy(this.buffer, this.bufferOffset + this.bufferLength);
          this.bufferLength = newLength;
        } else {
          this.buffer = buffer;
          this.bufferOffset = 0;
          this.bufferLength = buffer.byteLength;
        }
      }
      handlePacket(offset, code, length, bytes) {
        const { reader: reader2 } = this;
        reader2.setBuffer(offset, bytes);
        let message;
        switch (code) {
          case 50:
            message = messages_1.bindComplete;
            break;
          case 49:
            message = messages_1.parseComplete;
            break;
          case 51:
            message = messages_1.closeComplete;
            break;
          case 110:
            message = messages_1.noData;
            break;
          case 115:
            message = messages_1.portalSuspended;
            break;
          case 99:
            message = messages_1.copyDone;
            break;
          case 87:
            message = messages_1.replicationStart;
            break;
          case 73:
            message = messages_1.emptyQuery;
            break;
          case 68:
            message = parseDataRowMessage(reader2);
            break;
          case 67:
            message = parseCommandCompleteMessage(reader2);
            break;
          case 90:
            message = parseReadyForQueryMessage(reader2);
            break;
          case 65:
            message = parseNotificationMessage(reader2);
            break;
          case 82:
            message = parseAuthenticationResponse(reader2, length);
            break;
          case 83:
            message = parseParameterStatusMessage(reader2);
            break;
          case 75:
            message = parseBackendKeyData(reader2);
            break;
          case 69:
            message = parseErrorMessage(reader2, "error");
            break;
          case 78:
            message = parseErrorMessage(reader2, "notice");
            break;
          case 84:
            message = parseRowDescriptionMessage(reader2);
            break;
          case 116:
            message = parseParameterDescriptionMessage(reader2);
            break;
          case 71:
            message = parseCopyInMessage(reader2);
            break;
          case 72:
            message = parseCopyOutMessage(reader2);
            break;
          case 100:
            message = parseCopyData(reader2, length);
            break;
          default:
            return new messages_1.DatabaseError("received invalid response: " + code.toString(16), length, "error");
        }
        reader2.setBuffer(0, emptyBuffer);
        message.length = length;
        return message;
      }
    };
    exports.Parser = Parser;
    var parseReadyForQueryMessage = (reader2) => {
      const status = reader2.string(1);
      return new messages_1.ReadyForQueryMessage(LATEINIT_LENGTH, status);
    };
    var parseCommandCompleteMessage = (reader2) => {
      const text = reader2.cstring();
      return new messages_1.CommandCompleteMessage(LATEINIT_LENGTH, text);
    };
    var parseCopyData = (reader2, length) => {
      const chunk = reader2.bytes(length - 4);
      return new messages_1.CopyDataMessage(LATEINIT_LENGTH, chunk);
    };
    var parseCopyInMessage = (reader2) => parseCopyMessage(reader2, "copyInResponse");
    var parseCopyOutMessage = (reader2) => parseCopyMessage(reader2, "copyOutResponse");
    var parseCopyMessage = (reader2, messageName) => {
      const isBinary = reader2.byte() !== 0;
      const columnCount = reader2.int16();
      const message = new messages_1.CopyResponse(LATEINIT_LENGTH, messageName, isBinary, columnCount);
      for (let i = 0; i < columnCount; i++) {
        message.columnTypes[i] = reader2.int16();
      }
      return message;
    };
    var parseNotificationMessage = (reader2) => {
      const processId = reader2.int32();
      const channel = reader2.cstring();
      const payload = reader2.cstring();
      return new messages_1.NotificationResponseMessage(LATEINIT_LENGTH, processId, channel, payload);
    };
    var parseRowDescriptionMessage = (reader2) => {
      const fieldCount = reader2.int16();
      const message = new messages_1.RowDescriptionMessage(LATEINIT_LENGTH, fieldCount);
      for (let i = 0; i < fieldCount; i++) {
        message.fields[i] = parseField(reader2);
      }
      return message;
    };
    var parseField = (reader2) => {
      const name = reader2.cstring();
      const tableID = reader2.uint32();
      const columnID = reader2.int16();
      const dataTypeID = reader2.uint32();
      const dataTypeSize = reader2.int16();
      const dataTypeModifier = reader2.int32();
      const mode = reader2.int16() === 0 ? "text" : "binary";
      return new messages_1.Field(name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier, mode);
    };
    var parseParameterDescriptionMessage = (reader2) => {
      const parameterCount = reader2.int16();
      const message = new messages_1.ParameterDescriptionMessage(LATEINIT_LENGTH, parameterCount);
      for (let i = 0; i < parameterCount; i++) {
        message.dataTypeIDs[i] = reader2.uint32();
      }
      return message;
    };
    var parseDataRowMessage = (reader2) => {
      const fieldCount = reader2.int16();
      const fields = new Array(fieldCount);
      for (let i = 0; i < fieldCount; i++) {
        const len = reader2.int32();
        fields[i] = len === -1 ? null : reader2.string(len);
      }
      return new messages_1.DataRowMessage(LATEINIT_LENGTH, fields);
    };
    var parseParameterStatusMessage = (reader2) => {
      const name = reader2.cstring();
      const value = reader2.cstring();
      return new messages_1.ParameterStatusMessage(LATEINIT_LENGTH, name, value);
    };
    var parseBackendKeyData = (reader2) => {
      const processID = reader2.int32();
      const secretKey = reader2.int32();
      return new messages_1.BackendKeyDataMessage(LATEINIT_LENGTH, processID, secretKey);
    };
    var parseAuthenticationResponse = (reader2, length) => {
      const code = reader2.int32();
      const message = {
        name: "authenticationOk",
        length
      };
      switch (code) {
        case 0:
          break;
        case 3:
          if (message.length === 8) {
            message.name = "authenticationCleartextPassword";
          }
          break;
        case 5:
          if (message.length === 12) {
            message.name = "authenticationMD5Password";
            const salt = reader2.bytes(4);
            return new messages_1.AuthenticationMD5Password(LATEINIT_LENGTH, salt);
          }
          break;
        case 10:
          {
            message.name = "authenticationSASL";
            message.mechanisms = [];
            let mechanism;
            do {
              mechanism = reader2.cstring();
              if (mechanism) {
                message.mechanisms.push(mechanism);
              }
            } while (mechanism);
          }
          break;
        case 11:
          message.name = "authenticationSASLContinue";
          message.data = reader2.string(length - 8);
          break;
        case 12:
          message.name = "authenticationSASLFinal";
          message.data = reader2.string(length - 8);
          break;
        default:
          throw new Error("Unknown authenticationOk message type " + code);
      }
      return message;
    };
    var parseErrorMessage = (reader2, name) => {
      const fields = {};
      let fieldType = reader2.string(1);
      while (fieldType !== "\0") {
        fields[fieldType] = reader2.cstring();
        fieldType = reader2.string(1);
      }
      const messageValue = fields.M;
      const message = name === "notice" ? new messages_1.NoticeMessage(LATEINIT_LENGTH, messageValue) : new messages_1.DatabaseError(messageValue, LATEINIT_LENGTH, name);
      message.severity = fields.S;
      message.code = fields.C;
      message.detail = fields.D;
      message.hint = fields.H;
      message.position = fields.P;
      message.internalPosition = fields.p;
      message.internalQuery = fields.q;
      message.where = fields.W;
      message.schema = fields.s;
      message.table = fields.t;
      message.column = fields.c;
      message.dataType = fields.d;
      message.constraint = fields.n;
      message.file = fields.F;
      message.line = fields.L;
      message.routine = fields.R;
      return message;
    };
  }
});

// node_modules/pg-protocol/dist/index.js
var require_dist = __commonJS({
  "node_modules/pg-protocol/dist/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DatabaseError = exports.serialize = void 0;
    exports.parse = parse2;
    var messages_1 = require_messages();
    Object.defineProperty(exports, "DatabaseError", { enumerable: true, get: function() {
      return messages_1.DatabaseError;
    } });
    var serializer_1 = require_serializer();
    Object.defineProperty(exports, "serialize", { enumerable: true, get: function() {
      return serializer_1.serialize;
    } });
    var parser_1 = require_parser();
    function parse2(stream, callback) {
      const parser = new parser_1.Parser();
      stream.on("data", (buffer) => parser.parse(buffer, callback));
      return new Promise((resolve) => stream.on("end", () => resolve()));
    }
  }
});

// node_modules/pg-cloudflare/dist/empty.js
var require_empty = __commonJS({
  "node_modules/pg-cloudflare/dist/empty.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = {};
  }
});

// node_modules/pg/lib/stream.js
var require_stream = __commonJS({
  "node_modules/pg/lib/stream.js"(exports, module) {
    var { getStream, getSecureStream } = getStreamFuncs();
    module.exports = {
      /**
       * Get a socket stream compatible with the current runtime environment.
       * @returns {Duplex}
       */
      getStream,
      /**
       * Get a TLS secured socket, compatible with the current environment,
       * using the socket and other settings given in `options`.
       * @returns {Duplex}
       */
      getSecureStream
    };
    function getNodejsStreamFuncs() {
      function getStream2(ssl) {
        const net = __require("net");
        return new net.Socket();
      }
      function getSecureStream2(options) {
        const tls = __require("tls");
        return tls.connect(options);
      }
      return {
        getStream: getStream2,
        getSecureStream: getSecureStream2
      };
    }
    function getCloudflareStreamFuncs() {
      function getStream2(ssl) {
        const { CloudflareSocket } = require_empty();
        return new CloudflareSocket(ssl);
      }
      function getSecureStream2(options) {
        options.socket.startTls(options);
        return options.socket;
      }
      return {
        getStream: getStream2,
        getSecureStream: getSecureStream2
      };
    }
    function isCloudflareRuntime() {
      if (typeof navigator === "object" && navigator !== null && typeof navigator.userAgent === "string") {
        return navigator.userAgent === "Cloudflare-Workers";
      }
      if (typeof Response === "function") {
        const resp = new Response(null, { cf: { thing: true } });
        if (typeof resp.cf === "object" && resp.cf !== null && resp.cf.thing) {
          return true;
        }
      }
      return false;
    }
    function getStreamFuncs() {
      if (isCloudflareRuntime()) {
        return getCloudflareStreamFuncs();
      }
      return getNodejsStreamFuncs();
    }
  }
});

// node_modules/pg/lib/connection.js
var require_connection = __commonJS({
  "node_modules/pg/lib/connection.js"(exports, module) {
    "use strict";
    var EventEmitter = __require("events").EventEmitter;
    var { parse: parse2, serialize } = require_dist();
    var stream = require_stream();
    var { getStream } = stream;
    var flushBuffer = serialize.flush();
    var syncBuffer = serialize.sync();
    var endBuffer = serialize.end();
    var Connection2 = class extends EventEmitter {
      constructor(config) {
        super();
        config = config || {};
        this.stream = config.stream || getStream(config.ssl);
        if (typeof this.stream === "function") {
          this.stream = this.stream(config);
        }
        this._keepAlive = config.keepAlive;
        this._keepAliveInitialDelayMillis = config.keepAliveInitialDelayMillis;
        this.parsedStatements = {};
        this.submittedNamedStatements = {};
        this.ssl = config.ssl || false;
        this.sslNegotiation = config.sslNegotiation || "postgres";
        this._ending = false;
        this._emitMessage = false;
        const self = this;
        this.on("newListener", function(eventName) {
          if (eventName === "message") {
            self._emitMessage = true;
          }
        });
      }
      connect(port, host) {
        const self = this;
        this._connecting = true;
        this.stream.setNoDelay(true);
        this.stream.connect(port, host);
        this.stream.once("connect", function() {
          if (self._keepAlive) {
            self.stream.setKeepAlive(true, self._keepAliveInitialDelayMillis);
          }
          self.emit("connect");
        });
        const reportStreamError = function(error) {
          if (self._ending && (error.code === "ECONNRESET" || error.code === "EPIPE")) {
            return;
          }
          self.emit("error", error);
        };
        this.stream.on("error", reportStreamError);
        this.stream.on("close", function() {
          self.emit("end");
        });
        if (!this.ssl) {
          return this.attachListeners(this.stream);
        }
        if (this.sslNegotiation === "direct") {
          return this.stream.once("connect", function() {
            self.upgradeToSSL(host, reportStreamError);
          });
        }
        this.stream.once("data", function(buffer) {
          const responseCode = buffer.toString("utf8");
          switch (responseCode) {
            case "S":
              break;
            case "N":
              self.stream.end();
              return self.emit("error", new Error("The server does not support SSL connections"));
            default:
              self.stream.end();
              return self.emit("error", new Error("There was an error establishing an SSL connection"));
          }
          self.upgradeToSSL(host, reportStreamError);
        });
      }
      upgradeToSSL(host, reportStreamError) {
        const self = this;
        const options = {
          socket: self.stream,
          // tls.connect checks the server identity against `servername`, falling
          // back to `host` and then to 'localhost'. `servername` must stay unset
          // for IP addresses (see below), so `host` is needed to keep certificate
          // validation working when connecting to an IP address.
          host
        };
        if (self.ssl !== true) {
          Object.assign(options, self.ssl);
          if ("key" in self.ssl) {
            options.key = self.ssl.key;
          }
        }
        if (self.sslNegotiation === "direct") {
          options.ALPNProtocols = ["postgresql"];
        }
        const net = __require("net");
        if (net.isIP && net.isIP(host) === 0) {
          options.servername = host;
        }
        try {
          self.stream = stream.getSecureStream(options);
        } catch (err) {
          return self.emit("error", err);
        }
        self.attachListeners(self.stream);
        self.stream.on("error", reportStreamError);
        self.emit("sslconnect");
      }
      attachListeners(stream2) {
        parse2(stream2, (msg) => {
          const eventName = msg.name === "error" ? "errorMessage" : msg.name;
          if (this._emitMessage) {
            this.emit("message", msg);
          }
          this.emit(eventName, msg);
        });
      }
      requestSsl() {
        this.stream.write(serialize.requestSsl());
      }
      startup(config) {
        this.stream.write(serialize.startup(config));
      }
      cancel(processID, secretKey) {
        this._send(serialize.cancel(processID, secretKey));
      }
      password(password) {
        this._send(serialize.password(password));
      }
      sendSASLInitialResponseMessage(mechanism, initialResponse) {
        this._send(serialize.sendSASLInitialResponseMessage(mechanism, initialResponse));
      }
      sendSCRAMClientFinalMessage(additionalData) {
        this._send(serialize.sendSCRAMClientFinalMessage(additionalData));
      }
      _send(buffer) {
        if (!this.stream.writable) {
          return false;
        }
        return this.stream.write(buffer);
      }
      query(text) {
        this._send(serialize.query(text));
      }
      // send parse message
      parse(query) {
        this._send(serialize.parse(query));
      }
      // send bind message
      bind(config) {
        this._send(serialize.bind(config));
      }
      // send execute message
      execute(config) {
        this._send(serialize.execute(config));
      }
      flush() {
        if (this.stream.writable) {
          this.stream.write(flushBuffer);
        }
      }
      sync() {
        this._send(syncBuffer);
      }
      ref() {
        this.stream.ref();
      }
      unref() {
        this.stream.unref();
      }
      end() {
        this._ending = true;
        if (!this._connecting || !this.stream.writable) {
          this.stream.end();
          return;
        }
        return this.stream.write(endBuffer, () => {
          this.stream.end();
        });
      }
      close(msg) {
        this._send(serialize.close(msg));
      }
      describe(msg) {
        this._send(serialize.describe(msg));
      }
      sendCopyFromChunk(chunk) {
        this._send(serialize.copyData(chunk));
      }
      endCopyFrom() {
        this._send(serialize.copyDone());
      }
      sendCopyFail(msg) {
        this._send(serialize.copyFail(msg));
      }
    };
    module.exports = Connection2;
  }
});

// node_modules/split2/index.js
var require_split2 = __commonJS({
  "node_modules/split2/index.js"(exports, module) {
    "use strict";
    var { Transform } = __require("stream");
    var { StringDecoder } = __require("string_decoder");
    var kLast = /* @__PURE__ */ Symbol("last");
    var kDecoder = /* @__PURE__ */ Symbol("decoder");
    function transform(chunk, enc, cb) {
      let list;
      if (this.overflow) {
        const buf = this[kDecoder].write(chunk);
        list = buf.split(this.matcher);
        if (list.length === 1) return cb();
        list.shift();
        this.overflow = false;
      } else {
        this[kLast] += this[kDecoder].write(chunk);
        list = this[kLast].split(this.matcher);
      }
      this[kLast] = list.pop();
      for (let i = 0; i < list.length; i++) {
        try {
          push(this, this.mapper(list[i]));
        } catch (error) {
          return cb(error);
        }
      }
      this.overflow = this[kLast].length > this.maxLength;
      if (this.overflow && !this.skipOverflow) {
        cb(new Error("maximum buffer reached"));
        return;
      }
      cb();
    }
    function flush(cb) {
      this[kLast] += this[kDecoder].end();
      if (this[kLast]) {
        try {
          push(this, this.mapper(this[kLast]));
        } catch (error) {
          return cb(error);
        }
      }
      cb();
    }
    function push(self, val) {
      if (val !== void 0) {
        self.push(val);
      }
    }
    function noop(incoming) {
      return incoming;
    }
    function split(matcher, mapper, options) {
      matcher = matcher || /\r?\n/;
      mapper = mapper || noop;
      options = options || {};
      switch (arguments.length) {
        case 1:
          if (typeof matcher === "function") {
            mapper = matcher;
            matcher = /\r?\n/;
          } else if (typeof matcher === "object" && !(matcher instanceof RegExp) && !matcher[Symbol.split]) {
            options = matcher;
            matcher = /\r?\n/;
          }
          break;
        case 2:
          if (typeof matcher === "function") {
            options = mapper;
            mapper = matcher;
            matcher = /\r?\n/;
          } else if (typeof mapper === "object") {
            options = mapper;
            mapper = noop;
          }
      }
      options = Object.assign({}, options);
      options.autoDestroy = true;
      options.transform = transform;
      options.flush = flush;
      options.readableObjectMode = true;
      const stream = new Transform(options);
      stream[kLast] = "";
      stream[kDecoder] = new StringDecoder("utf8");
      stream.matcher = matcher;
      stream.mapper = mapper;
      stream.maxLength = options.maxLength;
      stream.skipOverflow = options.skipOverflow || false;
      stream.overflow = false;
      stream._destroy = function(err, cb) {
        this._writableState.errorEmitted = false;
        cb(err);
      };
      return stream;
    }
    module.exports = split;
  }
});

// node_modules/pgpass/lib/helper.js
var require_helper = __commonJS({
  "node_modules/pgpass/lib/helper.js"(exports, module) {
    "use strict";
    var path = __require("path");
    var Stream = __require("stream").Stream;
    var split = require_split2();
    var util = __require("util");
    var defaultPort = 5432;
    var isWin = process.platform === "win32";
    var warnStream = process.stderr;
    var S_IRWXG = 56;
    var S_IRWXO = 7;
    var S_IFMT = 61440;
    var S_IFREG = 32768;
    function isRegFile(mode) {
      return (mode & S_IFMT) == S_IFREG;
    }
    var fieldNames = ["host", "port", "database", "user", "password"];
    var nrOfFields = fieldNames.length;
    var passKey = fieldNames[nrOfFields - 1];
    function warn() {
      var isWritable = warnStream instanceof Stream && true === warnStream.writable;
      if (isWritable) {
        var args = Array.prototype.slice.call(arguments).concat("\n");
        warnStream.write(util.format.apply(util, args));
      }
    }
    Object.defineProperty(module.exports, "isWin", {
      get: function() {
        return isWin;
      },
      set: function(val) {
        isWin = val;
      }
    });
    module.exports.warnTo = function(stream) {
      var old = warnStream;
      warnStream = stream;
      return old;
    };
    module.exports.getFileName = function(rawEnv) {
      var env = rawEnv || process.env;
      var file = env.PGPASSFILE || (isWin ? path.join(env.APPDATA || "./", "postgresql", "pgpass.conf") : path.join(env.HOME || "./", ".pgpass"));
      return file;
    };
    module.exports.usePgPass = function(stats, fname) {
      if (Object.prototype.hasOwnProperty.call(process.env, "PGPASSWORD")) {
        return false;
      }
      if (isWin) {
        return true;
      }
      fname = fname || "<unkn>";
      if (!isRegFile(stats.mode)) {
        warn('WARNING: password file "%s" is not a plain file', fname);
        return false;
      }
      if (stats.mode & (S_IRWXG | S_IRWXO)) {
        warn('WARNING: password file "%s" has group or world access; permissions should be u=rw (0600) or less', fname);
        return false;
      }
      return true;
    };
    var matcher = module.exports.match = function(connInfo, entry) {
      return fieldNames.slice(0, -1).reduce(function(prev, field, idx) {
        if (idx == 1) {
          if (Number(connInfo[field] || defaultPort) === Number(entry[field])) {
            return prev && true;
          }
        }
        return prev && (entry[field] === "*" || entry[field] === connInfo[field]);
      }, true);
    };
    module.exports.getPassword = function(connInfo, stream, cb) {
      var pass;
      var lineStream = stream.pipe(split());
      function onLine(line) {
        var entry = parseLine(line);
        if (entry && isValidEntry(entry) && matcher(connInfo, entry)) {
          pass = entry[passKey];
          lineStream.end();
        }
      }
      var onEnd = function() {
        stream.destroy();
        cb(pass);
      };
      var onErr = function(err) {
        stream.destroy();
        warn("WARNING: error on reading file: %s", err);
        cb(void 0);
      };
      stream.on("error", onErr);
      lineStream.on("data", onLine).on("end", onEnd).on("error", onErr);
    };
    var parseLine = module.exports.parseLine = function(line) {
      if (line.length < 11 || line.match(/^\s+#/)) {
        return null;
      }
      var curChar = "";
      var prevChar = "";
      var fieldIdx = 0;
      var startIdx = 0;
      var endIdx = 0;
      var obj = {};
      var isLastField = false;
      var addToObj = function(idx, i0, i1) {
        var field = line.substring(i0, i1);
        if (!Object.hasOwnProperty.call(process.env, "PGPASS_NO_DEESCAPE")) {
          field = field.replace(/\\([:\\])/g, "$1");
        }
        obj[fieldNames[idx]] = field;
      };
      for (var i = 0; i < line.length - 1; i += 1) {
        curChar = line.charAt(i + 1);
        prevChar = line.charAt(i);
        isLastField = fieldIdx == nrOfFields - 1;
        if (isLastField) {
          addToObj(fieldIdx, startIdx);
          break;
        }
        if (i >= 0 && curChar == ":" && prevChar !== "\\") {
          addToObj(fieldIdx, startIdx, i + 1);
          startIdx = i + 2;
          fieldIdx += 1;
        }
      }
      obj = Object.keys(obj).length === nrOfFields ? obj : null;
      return obj;
    };
    var isValidEntry = module.exports.isValidEntry = function(entry) {
      var rules = {
        // host
        0: function(x) {
          return x.length > 0;
        },
        // port
        1: function(x) {
          if (x === "*") {
            return true;
          }
          x = Number(x);
          return isFinite(x) && x > 0 && x < 9007199254740992 && Math.floor(x) === x;
        },
        // database
        2: function(x) {
          return x.length > 0;
        },
        // username
        3: function(x) {
          return x.length > 0;
        },
        // password
        4: function(x) {
          return x.length > 0;
        }
      };
      for (var idx = 0; idx < fieldNames.length; idx += 1) {
        var rule = rules[idx];
        var value = entry[fieldNames[idx]] || "";
        var res = rule(value);
        if (!res) {
          return false;
        }
      }
      return true;
    };
  }
});

// node_modules/pgpass/lib/index.js
var require_lib = __commonJS({
  "node_modules/pgpass/lib/index.js"(exports, module) {
    "use strict";
    var path = __require("path");
    var fs = __require("fs");
    var helper = require_helper();
    module.exports = function(connInfo, cb) {
      var file = helper.getFileName();
      fs.stat(file, function(err, stat) {
        if (err || !helper.usePgPass(stat, file)) {
          return cb(void 0);
        }
        var st = fs.createReadStream(file);
        helper.getPassword(connInfo, st, cb);
      });
    };
    module.exports.warnTo = helper.warnTo;
  }
});

// node_modules/pg/lib/client.js
var require_client = __commonJS({
  "node_modules/pg/lib/client.js"(exports, module) {
    var EventEmitter = __require("events").EventEmitter;
    var utils = require_utils();
    var nodeUtils = __require("util");
    var sasl = require_sasl();
    var TypeOverrides2 = require_type_overrides();
    var ConnectionParameters = require_connection_parameters();
    var Query2 = require_query();
    var defaults2 = require_defaults();
    var Connection2 = require_connection();
    var crypto = require_utils2();
    var activeQueryDeprecationNotice = nodeUtils.deprecate(
      () => {
      },
      "Client.activeQuery is deprecated and will be removed in pg@9.0"
    );
    var queryQueueDeprecationNotice = nodeUtils.deprecate(
      () => {
      },
      "Client.queryQueue is deprecated and will be removed in pg@9.0."
    );
    var pgPassDeprecationNotice = nodeUtils.deprecate(
      () => {
      },
      "pgpass support is deprecated and will be removed in pg@9.0. You can provide an async function as the password property to the Client/Pool constructor that returns a password instead. Within this function you can call the pgpass module in your own code."
    );
    var byoPromiseDeprecationNotice = nodeUtils.deprecate(
      () => {
      },
      "Passing a custom Promise implementation to the Client/Pool constructor is deprecated and will be removed in pg@9.0."
    );
    var queryQueueLengthDeprecationNotice = nodeUtils.deprecate(
      () => {
      },
      "Calling client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0. Use async/await or an external async flow control mechanism instead."
    );
    function coerceNumberOrDefault(value, defaultValue) {
      if (typeof value === "number") {
        return Number.isFinite(value) ? value : defaultValue;
      }
      if (typeof value === "string" && value.trim() !== "") {
        const n = Number(value);
        return Number.isFinite(n) ? n : defaultValue;
      }
      return defaultValue;
    }
    var Client2 = class extends EventEmitter {
      constructor(config) {
        super();
        this.connectionParameters = new ConnectionParameters(config);
        this.user = this.connectionParameters.user;
        this.database = this.connectionParameters.database;
        this.port = this.connectionParameters.port;
        this.host = this.connectionParameters.host;
        Object.defineProperty(this, "password", {
          configurable: true,
          enumerable: false,
          writable: true,
          value: this.connectionParameters.password
        });
        this.replication = this.connectionParameters.replication;
        const c = config || {};
        if (c.Promise) {
          byoPromiseDeprecationNotice();
        }
        this._Promise = c.Promise || global.Promise;
        this._types = new TypeOverrides2(c.types);
        this._ending = false;
        this._ended = false;
        this._connecting = false;
        this._connected = false;
        this._connectionError = false;
        this._queryable = true;
        this._activeQuery = null;
        this._txStatus = null;
        this.enableChannelBinding = Boolean(c.enableChannelBinding);
        this.scramMaxIterations = coerceNumberOrDefault(c.scramMaxIterations, sasl.DEFAULT_MAX_SCRAM_ITERATIONS);
        this.connection = c.connection || new Connection2({
          stream: c.stream,
          ssl: this.connectionParameters.ssl,
          sslNegotiation: this.connectionParameters.sslnegotiation,
          keepAlive: c.keepAlive || false,
          keepAliveInitialDelayMillis: c.keepAliveInitialDelayMillis || 0,
          encoding: this.connectionParameters.client_encoding || "utf8"
        });
        this._queryQueue = [];
        this._sentQueryQueue = [];
        this.pipeline = Boolean(c.pipeline);
        this.binary = c.binary || defaults2.binary;
        this.processID = null;
        this.secretKey = null;
        this.ssl = this.connectionParameters.ssl || false;
        this.sslNegotiation = this.connectionParameters.sslnegotiation || "postgres";
        if (this.ssl && this.ssl.key) {
          Object.defineProperty(this.ssl, "key", {
            enumerable: false
          });
        }
        this._connectionTimeoutMillis = c.connectionTimeoutMillis || 0;
      }
      get activeQuery() {
        activeQueryDeprecationNotice();
        return this._activeQuery;
      }
      set activeQuery(val) {
        activeQueryDeprecationNotice();
        this._activeQuery = val;
      }
      _getActiveQuery() {
        return this._activeQuery;
      }
      _errorAllQueries(err) {
        const enqueueError = (query) => {
          process.nextTick(() => {
            query.handleError(err, this.connection);
          });
        };
        const activeQuery = this._getActiveQuery();
        if (activeQuery) {
          enqueueError(activeQuery);
          this._activeQuery = null;
        }
        this._sentQueryQueue.forEach(enqueueError);
        this._sentQueryQueue.length = 0;
        this._queryQueue.forEach(enqueueError);
        this._queryQueue.length = 0;
      }
      _connect(callback) {
        const self = this;
        const con = this.connection;
        this._connectionCallback = callback;
        if (this._connecting || this._connected) {
          const err = new Error("Client has already been connected. You cannot reuse a client.");
          process.nextTick(() => {
            callback(err);
          });
          return;
        }
        this._connecting = true;
        if (this._connectionTimeoutMillis > 0) {
          this.connectionTimeoutHandle = setTimeout(() => {
            con._ending = true;
            con.stream.destroy(new Error("timeout expired"));
          }, this._connectionTimeoutMillis);
          if (this.connectionTimeoutHandle.unref) {
            this.connectionTimeoutHandle.unref();
          }
        }
        if (this.host && this.host.indexOf("/") === 0) {
          con.connect(this.host + "/.s.PGSQL." + this.port);
        } else {
          con.connect(this.port, this.host);
        }
        con.on("connect", function() {
          if (self.ssl) {
            if (self.sslNegotiation !== "direct") {
              con.requestSsl();
            }
          } else {
            con.startup(self.getStartupConf());
          }
        });
        con.on("sslconnect", function() {
          con.startup(self.getStartupConf());
        });
        this._attachListeners(con);
        con.once("end", () => {
          const error = this._ending ? new Error("Connection terminated") : new Error("Connection terminated unexpectedly");
          clearTimeout(this.connectionTimeoutHandle);
          this._errorAllQueries(error);
          this._ended = true;
          if (!this._ending) {
            if (this._connecting && !this._connectionError) {
              if (this._connectionCallback) {
                this._connectionCallback(error);
              } else {
                this._handleErrorEvent(error);
              }
            } else if (!this._connectionError) {
              this._handleErrorEvent(error);
            }
          }
          process.nextTick(() => {
            this.emit("end");
          });
        });
      }
      connect(callback) {
        if (callback) {
          this._connect(callback);
          return;
        }
        return new this._Promise((resolve, reject) => {
          this._connect((error) => {
            if (error) {
              reject(error);
            } else {
              resolve(this);
            }
          });
        });
      }
      _attachListeners(con) {
        con.on("authenticationCleartextPassword", this._handleAuthCleartextPassword.bind(this));
        con.on("authenticationMD5Password", this._handleAuthMD5Password.bind(this));
        con.on("authenticationSASL", this._handleAuthSASL.bind(this));
        con.on("authenticationSASLContinue", this._handleAuthSASLContinue.bind(this));
        con.on("authenticationSASLFinal", this._handleAuthSASLFinal.bind(this));
        con.on("backendKeyData", this._handleBackendKeyData.bind(this));
        con.on("error", this._handleErrorEvent.bind(this));
        con.on("errorMessage", this._handleErrorMessage.bind(this));
        con.on("readyForQuery", this._handleReadyForQuery.bind(this));
        con.on("notice", this._handleNotice.bind(this));
        con.on("rowDescription", this._handleRowDescription.bind(this));
        con.on("dataRow", this._handleDataRow.bind(this));
        con.on("portalSuspended", this._handlePortalSuspended.bind(this));
        con.on("emptyQuery", this._handleEmptyQuery.bind(this));
        con.on("commandComplete", this._handleCommandComplete.bind(this));
        con.on("parseComplete", this._handleParseComplete.bind(this));
        con.on("copyInResponse", this._handleCopyInResponse.bind(this));
        con.on("copyData", this._handleCopyData.bind(this));
        con.on("notification", this._handleNotification.bind(this));
      }
      _getPassword(cb) {
        const con = this.connection;
        if (typeof this.password === "function") {
          this._Promise.resolve().then(() => this.password(this.connectionParameters)).then((pass) => {
            if (pass !== void 0) {
              if (typeof pass !== "string") {
                con.emit("error", new TypeError("Password must be a string"));
                return;
              }
              this.connectionParameters.password = this.password = pass;
            } else {
              this.connectionParameters.password = this.password = null;
            }
            cb();
          }).catch((err) => {
            con.emit("error", err);
          });
        } else if (this.password !== null) {
          cb();
        } else {
          try {
            const pgPass = require_lib();
            pgPass(this.connectionParameters, (pass) => {
              if (void 0 !== pass) {
                pgPassDeprecationNotice();
                this.connectionParameters.password = this.password = pass;
              }
              cb();
            });
          } catch (e) {
            this.emit("error", e);
          }
        }
      }
      _handleAuthCleartextPassword(msg) {
        this._getPassword(() => {
          this.connection.password(this.password);
        });
      }
      _handleAuthMD5Password(msg) {
        this._getPassword(async () => {
          try {
            const hashedPassword = await crypto.postgresMd5PasswordHash(this.user, this.password, msg.salt);
            this.connection.password(hashedPassword);
          } catch (e) {
            this.emit("error", e);
          }
        });
      }
      _handleAuthSASL(msg) {
        this._getPassword(() => {
          try {
            this.saslSession = sasl.startSession(
              msg.mechanisms,
              this.enableChannelBinding && this.connection.stream,
              this.scramMaxIterations
            );
            this.connection.sendSASLInitialResponseMessage(this.saslSession.mechanism, this.saslSession.response);
          } catch (err) {
            this.connection.emit("error", err);
          }
        });
      }
      async _handleAuthSASLContinue(msg) {
        try {
          await sasl.continueSession(
            this.saslSession,
            this.password,
            msg.data,
            this.enableChannelBinding && this.connection.stream
          );
          this.connection.sendSCRAMClientFinalMessage(this.saslSession.response);
        } catch (err) {
          this.connection.emit("error", err);
        }
      }
      _handleAuthSASLFinal(msg) {
        try {
          sasl.finalizeSession(this.saslSession, msg.data);
          this.saslSession = null;
        } catch (err) {
          this.connection.emit("error", err);
        }
      }
      _handleBackendKeyData(msg) {
        this.processID = msg.processID;
        this.secretKey = msg.secretKey;
      }
      _handleReadyForQuery(msg) {
        if (this._connecting) {
          this._connecting = false;
          this._connected = true;
          clearTimeout(this.connectionTimeoutHandle);
          if (this._connectionCallback) {
            this._connectionCallback(null, this);
            this._connectionCallback = null;
          }
          this.emit("connect");
        }
        const activeQuery = this._getActiveQuery();
        this._activeQuery = null;
        this._txStatus = msg?.status ?? null;
        this.readyForQuery = true;
        if (activeQuery) {
          activeQuery.handleReadyForQuery(this.connection);
        }
        this._pulseQueryQueue();
      }
      // if we receive an error event or error message
      // during the connection process we handle it here
      _handleErrorWhileConnecting(err) {
        if (this._connectionError) {
          return;
        }
        this._connectionError = true;
        clearTimeout(this.connectionTimeoutHandle);
        if (this._connectionCallback) {
          return this._connectionCallback(err);
        }
        this.emit("error", err);
      }
      // if we're connected and we receive an error event from the connection
      // this means the socket is dead - do a hard abort of all queries and emit
      // the socket error on the client as well
      _handleErrorEvent(err) {
        if (this._connecting) {
          return this._handleErrorWhileConnecting(err);
        }
        this._queryable = false;
        this._errorAllQueries(err);
        this.emit("error", err);
      }
      // handle error messages from the postgres backend
      _handleErrorMessage(msg) {
        if (this._connecting) {
          return this._handleErrorWhileConnecting(msg);
        }
        const activeQuery = this._getActiveQuery();
        if (!activeQuery) {
          this._handleErrorEvent(msg);
          return;
        }
        this._activeQuery = null;
        if (activeQuery.name) {
          delete this.connection.submittedNamedStatements[activeQuery.name];
        }
        activeQuery.handleError(msg, this.connection);
      }
      _handleRowDescription(msg) {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error = new Error("Received unexpected rowDescription message from backend.");
          this._handleErrorEvent(error);
          return;
        }
        activeQuery.handleRowDescription(msg);
      }
      _handleDataRow(msg) {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error = new Error("Received unexpected dataRow message from backend.");
          this._handleErrorEvent(error);
          return;
        }
        activeQuery.handleDataRow(msg);
      }
      _handlePortalSuspended(msg) {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error = new Error("Received unexpected portalSuspended message from backend.");
          this._handleErrorEvent(error);
          return;
        }
        activeQuery.handlePortalSuspended(this.connection);
      }
      _handleEmptyQuery(msg) {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error = new Error("Received unexpected emptyQuery message from backend.");
          this._handleErrorEvent(error);
          return;
        }
        activeQuery.handleEmptyQuery(this.connection);
      }
      _handleCommandComplete(msg) {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error = new Error("Received unexpected commandComplete message from backend.");
          this._handleErrorEvent(error);
          return;
        }
        activeQuery.handleCommandComplete(msg, this.connection);
      }
      _handleParseComplete() {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error = new Error("Received unexpected parseComplete message from backend.");
          this._handleErrorEvent(error);
          return;
        }
        if (activeQuery.name) {
          this.connection.parsedStatements[activeQuery.name] = activeQuery.text;
          delete this.connection.submittedNamedStatements[activeQuery.name];
        }
      }
      _handleCopyInResponse(msg) {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error = new Error("Received unexpected copyInResponse message from backend.");
          this._handleErrorEvent(error);
          return;
        }
        activeQuery.handleCopyInResponse(this.connection);
      }
      _handleCopyData(msg) {
        const activeQuery = this._getActiveQuery();
        if (activeQuery == null) {
          const error = new Error("Received unexpected copyData message from backend.");
          this._handleErrorEvent(error);
          return;
        }
        activeQuery.handleCopyData(msg, this.connection);
      }
      _handleNotification(msg) {
        this.emit("notification", msg);
      }
      _handleNotice(msg) {
        this.emit("notice", msg);
      }
      getStartupConf() {
        const params = this.connectionParameters;
        const data = {
          user: params.user,
          database: params.database
        };
        const appName = params.application_name || params.fallback_application_name;
        if (appName) {
          data.application_name = appName;
        }
        if (params.replication) {
          data.replication = "" + params.replication;
        }
        if (params.statement_timeout) {
          data.statement_timeout = String(parseInt(params.statement_timeout, 10));
        }
        if (params.lock_timeout) {
          data.lock_timeout = String(parseInt(params.lock_timeout, 10));
        }
        if (params.idle_in_transaction_session_timeout) {
          data.idle_in_transaction_session_timeout = String(parseInt(params.idle_in_transaction_session_timeout, 10));
        }
        if (params.options) {
          data.options = params.options;
        }
        return data;
      }
      cancel(client, query) {
        if (client.activeQuery === query) {
          const con = this.connection;
          if (this.host && this.host.indexOf("/") === 0) {
            con.connect(this.host + "/.s.PGSQL." + this.port);
          } else {
            con.connect(this.port, this.host);
          }
          con.on("connect", function() {
            con.cancel(client.processID, client.secretKey);
          });
        } else if (client._queryQueue.indexOf(query) !== -1) {
          client._queryQueue.splice(client._queryQueue.indexOf(query), 1);
        } else if (client._sentQueryQueue.indexOf(query) !== -1) {
          query.callback = () => {
          };
        }
      }
      setTypeParser(oid, format, parseFn) {
        return this._types.setTypeParser(oid, format, parseFn);
      }
      getTypeParser(oid, format) {
        return this._types.getTypeParser(oid, format);
      }
      // escapeIdentifier and escapeLiteral moved to utility functions & exported
      // on PG
      // re-exported here for backwards compatibility
      escapeIdentifier(str) {
        return utils.escapeIdentifier(str);
      }
      escapeLiteral(str) {
        return utils.escapeLiteral(str);
      }
      _pulseQueryQueue() {
        if (this.pipeline) {
          this._pulsePipelinedQueryQueue();
          return;
        }
        if (this.readyForQuery === true) {
          this._activeQuery = this._queryQueue.shift();
          const activeQuery = this._getActiveQuery();
          if (activeQuery) {
            this.readyForQuery = false;
            this.hasExecuted = true;
            const queryError = activeQuery.submit(this.connection);
            if (queryError) {
              process.nextTick(() => {
                activeQuery.handleError(queryError, this.connection);
                this.readyForQuery = true;
                this._pulseQueryQueue();
              });
            }
          } else if (this.hasExecuted) {
            this._activeQuery = null;
            this.emit("drain");
          }
        }
      }
      _pulsePipelinedQueryQueue() {
        if (!this._connected || !this._queryable) {
          return;
        }
        while (this._queryQueue.length > 0) {
          const query = this._queryQueue.shift();
          this.hasExecuted = true;
          const queryError = query.submit(this.connection);
          if (queryError) {
            process.nextTick(() => {
              query.handleError(queryError, this.connection);
            });
            continue;
          }
          this._sentQueryQueue.push(query);
        }
        if (this.readyForQuery && !this._activeQuery && this._sentQueryQueue.length > 0) {
          this._activeQuery = this._sentQueryQueue.shift();
          this.readyForQuery = false;
        }
        if (!this._activeQuery && this._sentQueryQueue.length === 0 && this._queryQueue.length === 0 && this.hasExecuted) {
          this.emit("drain");
        }
      }
      query(config, values, callback) {
        let query;
        let result;
        if (config == null) {
          throw new TypeError("Client was passed a null or undefined query");
        }
        if (typeof config.submit === "function") {
          result = query = config;
          if (!query.callback) {
            if (typeof values === "function") {
              query.callback = values;
            } else if (callback) {
              query.callback = callback;
            }
          }
        } else {
          query = new Query2(config, values, callback);
          if (!query.callback) {
            result = new this._Promise((resolve, reject) => {
              query.callback = (err, res) => err ? reject(err) : resolve(res);
            }).catch((err) => {
              Error.captureStackTrace(err);
              throw err;
            });
          } else if (typeof query.callback !== "function") {
            throw new TypeError("callback is not a function");
          }
        }
        const readTimeout = config.query_timeout || this.connectionParameters.query_timeout;
        if (readTimeout) {
          const queryCallback = query.callback || (() => {
          });
          const readTimeoutTimer = setTimeout(() => {
            const error = new Error("Query read timeout");
            process.nextTick(() => {
              query.handleError(error, this.connection);
            });
            queryCallback(error);
            query.callback = () => {
            };
            const index = this._queryQueue.indexOf(query);
            if (index > -1) {
              this._queryQueue.splice(index, 1);
            } else if (this.pipeline) {
              this.connection.stream.destroy();
              return;
            }
            this._pulseQueryQueue();
          }, readTimeout);
          query.callback = (err, res) => {
            clearTimeout(readTimeoutTimer);
            queryCallback(err, res);
          };
        }
        if (this.binary && !query.binary) {
          query.binary = true;
        }
        if (query._result && !query._result._types) {
          query._result._types = this._types;
        }
        if (this.pipeline) {
          const portalQuery = typeof config.submit === "function" && !(query instanceof Query2) ? "Custom query classes such as pg-cursor and pg-query-stream are" : query.rows ? "The `rows` option is" : null;
          if (portalQuery) {
            process.nextTick(() => {
              query.handleError(new Error(`${portalQuery} not supported in pipeline mode`), this.connection);
            });
            return result;
          }
        }
        if (!this._queryable) {
          process.nextTick(() => {
            query.handleError(new Error("Client has encountered a connection error and is not queryable"), this.connection);
          });
          return result;
        }
        if (this._ending) {
          process.nextTick(() => {
            query.handleError(new Error("Client was closed and is not queryable"), this.connection);
          });
          return result;
        }
        if (this._queryQueue.length > 0 && !this.pipeline) {
          queryQueueLengthDeprecationNotice();
        }
        this._queryQueue.push(query);
        this._pulseQueryQueue();
        return result;
      }
      ref() {
        this.connection.ref();
      }
      unref() {
        this.connection.unref();
      }
      getTransactionStatus() {
        return this._txStatus;
      }
      end(cb) {
        this._ending = true;
        if (!this.connection._connecting || this._ended) {
          if (cb) {
            cb();
            return;
          } else {
            return this._Promise.resolve();
          }
        }
        if (!this._queryable) {
          this.connection.stream.destroy();
        } else if (this.pipeline && (this._getActiveQuery() || this._sentQueryQueue.length > 0 || this._queryQueue.length > 0)) {
          this.once("drain", () => this.connection.end());
        } else if (this._getActiveQuery()) {
          this.connection.stream.destroy();
        } else {
          this.connection.end();
        }
        if (cb) {
          this.connection.once("end", cb);
        } else {
          return new this._Promise((resolve) => {
            this.connection.once("end", resolve);
          });
        }
      }
      get queryQueue() {
        queryQueueDeprecationNotice();
        return this._queryQueue;
      }
    };
    Client2.Query = Query2;
    module.exports = Client2;
  }
});

// node_modules/pg-pool/index.js
var require_pg_pool = __commonJS({
  "node_modules/pg-pool/index.js"(exports, module) {
    "use strict";
    var EventEmitter = __require("events").EventEmitter;
    var NOOP = function() {
    };
    var removeWhere = (list, predicate) => {
      const i = list.findIndex(predicate);
      return i === -1 ? void 0 : list.splice(i, 1)[0];
    };
    var IdleItem = class {
      constructor(client, idleListener, timeoutId) {
        this.client = client;
        this.idleListener = idleListener;
        this.timeoutId = timeoutId;
      }
    };
    var PendingItem = class {
      constructor(callback) {
        this.callback = callback;
      }
    };
    function throwOnDoubleRelease() {
      throw new Error("Release called on client which has already been released to the pool.");
    }
    function promisify(Promise2, callback) {
      if (callback) {
        return { callback, result: void 0 };
      }
      let rej;
      let res;
      const cb = function(err, client) {
        err ? rej(err) : res(client);
      };
      const result = new Promise2(function(resolve, reject) {
        res = resolve;
        rej = reject;
      }).catch((err) => {
        Error.captureStackTrace(err);
        throw err;
      });
      return { callback: cb, result };
    }
    function makeIdleListener(pool, client) {
      return function idleListener(err) {
        err.client = client;
        client.removeListener("error", idleListener);
        client.on("error", () => {
          pool.log("additional client error after disconnection due to error", err);
        });
        pool._remove(client);
        pool.emit("error", err, client);
      };
    }
    var Pool2 = class extends EventEmitter {
      constructor(options, Client2) {
        super();
        this.options = Object.assign({}, options);
        if (options != null && "password" in options) {
          Object.defineProperty(this.options, "password", {
            configurable: true,
            enumerable: false,
            writable: true,
            value: options.password
          });
        }
        if (options != null && options.ssl && options.ssl.key) {
          Object.defineProperty(this.options.ssl, "key", {
            enumerable: false
          });
        }
        this.options.max = this.options.max || this.options.poolSize || 10;
        this.options.min = this.options.min || 0;
        this.options.maxUses = this.options.maxUses || Infinity;
        this.options.allowExitOnIdle = this.options.allowExitOnIdle || false;
        this.options.maxLifetimeSeconds = this.options.maxLifetimeSeconds || 0;
        this.log = this.options.log || function() {
        };
        this.Client = this.options.Client || Client2 || require_lib2().Client;
        this.Promise = this.options.Promise || global.Promise;
        if (typeof this.options.idleTimeoutMillis === "undefined") {
          this.options.idleTimeoutMillis = 1e4;
        }
        this._clients = [];
        this._idle = [];
        this._expired = /* @__PURE__ */ new WeakSet();
        this._pendingQueue = [];
        this._endCallback = void 0;
        this.ending = false;
        this.ended = false;
      }
      _promiseTry(f) {
        const Promise2 = this.Promise;
        if (typeof Promise2.try === "function") {
          return Promise2.try(f);
        }
        return new Promise2((resolve) => resolve(f()));
      }
      _isFull() {
        return this._clients.length >= this.options.max;
      }
      _isAboveMin() {
        return this._clients.length > this.options.min;
      }
      _pulseQueue() {
        this.log("pulse queue");
        if (this.ended) {
          this.log("pulse queue ended");
          return;
        }
        if (this.ending) {
          this.log("pulse queue on ending");
          if (this._idle.length) {
            this._idle.slice().map((item) => {
              this._remove(item.client);
            });
          }
          if (!this._clients.length) {
            this.ended = true;
            this._endCallback();
          }
          return;
        }
        if (!this._pendingQueue.length) {
          this.log("no queued requests");
          return;
        }
        if (!this._idle.length && this._isFull()) {
          return;
        }
        const pendingItem = this._pendingQueue.shift();
        if (this._idle.length) {
          const idleItem = this._idle.pop();
          clearTimeout(idleItem.timeoutId);
          const client = idleItem.client;
          client.ref && client.ref();
          const idleListener = idleItem.idleListener;
          return this._acquireClient(client, pendingItem, idleListener, false);
        }
        if (!this._isFull()) {
          return this.newClient(pendingItem);
        }
        throw new Error("unexpected condition");
      }
      _remove(client, callback) {
        const removed = removeWhere(this._idle, (item) => item.client === client);
        if (removed !== void 0) {
          clearTimeout(removed.timeoutId);
        }
        this._clients = this._clients.filter((c) => c !== client);
        const context = this;
        client.end(() => {
          context.emit("remove", client);
          if (typeof callback === "function") {
            callback();
          }
        });
      }
      connect(cb) {
        if (this.ending) {
          const err = new Error("Cannot use a pool after calling end on the pool");
          return cb ? cb(err) : this.Promise.reject(err);
        }
        const response = promisify(this.Promise, cb);
        const result = response.result;
        if (this._isFull() || this._idle.length) {
          if (this._idle.length) {
            process.nextTick(() => this._pulseQueue());
          }
          if (!this.options.connectionTimeoutMillis) {
            this._pendingQueue.push(new PendingItem(response.callback));
            return result;
          }
          const queueCallback = (err, res, done) => {
            clearTimeout(tid);
            response.callback(err, res, done);
          };
          const pendingItem = new PendingItem(queueCallback);
          const tid = setTimeout(() => {
            removeWhere(this._pendingQueue, (i) => i.callback === queueCallback);
            pendingItem.timedOut = true;
            response.callback(new Error("timeout exceeded when trying to connect"));
          }, this.options.connectionTimeoutMillis);
          if (tid.unref) {
            tid.unref();
          }
          this._pendingQueue.push(pendingItem);
          return result;
        }
        this.newClient(new PendingItem(response.callback));
        return result;
      }
      newClient(pendingItem) {
        const client = new this.Client(this.options);
        this._clients.push(client);
        const idleListener = makeIdleListener(this, client);
        this.log("checking client timeout");
        let tid;
        let timeoutHit = false;
        if (this.options.connectionTimeoutMillis) {
          tid = setTimeout(() => {
            if (client.connection) {
              this.log("ending client due to timeout");
              timeoutHit = true;
              client.connection.stream.destroy();
            } else if (!client.isConnected()) {
              this.log("ending client due to timeout");
              timeoutHit = true;
              client.end();
            }
          }, this.options.connectionTimeoutMillis);
        }
        this.log("connecting new client");
        client.connect((err) => {
          if (tid) {
            clearTimeout(tid);
          }
          client.on("error", idleListener);
          if (err) {
            this.log("client failed to connect", err);
            this._clients = this._clients.filter((c) => c !== client);
            if (timeoutHit) {
              err = new Error("Connection terminated due to connection timeout", { cause: err });
            }
            this._pulseQueue();
            if (!pendingItem.timedOut) {
              pendingItem.callback(err, void 0, NOOP);
            }
          } else {
            this.log("new client connected");
            if (this.options.onConnect) {
              this._promiseTry(() => this.options.onConnect(client)).then(
                () => {
                  this._afterConnect(client, pendingItem, idleListener);
                },
                (hookErr) => {
                  this._clients = this._clients.filter((c) => c !== client);
                  client.end(() => {
                    this._pulseQueue();
                    if (!pendingItem.timedOut) {
                      pendingItem.callback(hookErr, void 0, NOOP);
                    }
                  });
                }
              );
              return;
            }
            return this._afterConnect(client, pendingItem, idleListener);
          }
        });
      }
      _afterConnect(client, pendingItem, idleListener) {
        if (this.options.maxLifetimeSeconds !== 0) {
          const maxLifetimeTimeout = setTimeout(() => {
            this.log("ending client due to expired lifetime");
            this._expired.add(client);
            const idleIndex = this._idle.findIndex((idleItem) => idleItem.client === client);
            if (idleIndex !== -1) {
              this._acquireClient(
                client,
                new PendingItem((err, client2, clientRelease) => clientRelease()),
                idleListener,
                false
              );
            }
          }, this.options.maxLifetimeSeconds * 1e3);
          maxLifetimeTimeout.unref();
          client.once("end", () => clearTimeout(maxLifetimeTimeout));
        }
        return this._acquireClient(client, pendingItem, idleListener, true);
      }
      // acquire a client for a pending work item
      _acquireClient(client, pendingItem, idleListener, isNew) {
        if (isNew) {
          this.emit("connect", client);
        }
        this.emit("acquire", client);
        client.release = this._releaseOnce(client, idleListener);
        client.removeListener("error", idleListener);
        if (!pendingItem.timedOut) {
          if (isNew && this.options.verify) {
            this.options.verify(client, (err) => {
              if (err) {
                client.release(err);
                return pendingItem.callback(err, void 0, NOOP);
              }
              pendingItem.callback(void 0, client, client.release);
            });
          } else {
            pendingItem.callback(void 0, client, client.release);
          }
        } else {
          if (isNew && this.options.verify) {
            this.options.verify(client, client.release);
          } else {
            client.release();
          }
        }
      }
      // returns a function that wraps _release and throws if called more than once
      _releaseOnce(client, idleListener) {
        let released = false;
        return (err) => {
          if (released) {
            throwOnDoubleRelease();
          }
          released = true;
          this._release(client, idleListener, err);
        };
      }
      // release a client back to the poll, include an error
      // to remove it from the pool
      _release(client, idleListener, err) {
        client.on("error", idleListener);
        client._poolUseCount = (client._poolUseCount || 0) + 1;
        this.emit("release", err, client);
        if (err || this.ending || !client._queryable || client._ending || client._poolUseCount >= this.options.maxUses) {
          if (client._poolUseCount >= this.options.maxUses) {
            this.log("remove expended client");
          }
          return this._remove(client, this._pulseQueue.bind(this));
        }
        const isExpired = this._expired.has(client);
        if (isExpired) {
          this.log("remove expired client");
          this._expired.delete(client);
          return this._remove(client, this._pulseQueue.bind(this));
        }
        let tid;
        if (this.options.idleTimeoutMillis && this._isAboveMin()) {
          tid = setTimeout(() => {
            if (this._isAboveMin()) {
              this.log("remove idle client");
              this._remove(client, this._pulseQueue.bind(this));
            }
          }, this.options.idleTimeoutMillis);
          if (this.options.allowExitOnIdle) {
            tid.unref();
          }
        }
        if (this.options.allowExitOnIdle) {
          client.unref();
        }
        this._idle.push(new IdleItem(client, idleListener, tid));
        this._pulseQueue();
      }
      query(text, values, cb) {
        if (typeof text === "function") {
          const response2 = promisify(this.Promise, text);
          setImmediate(function() {
            return response2.callback(new Error("Passing a function as the first parameter to pool.query is not supported"));
          });
          return response2.result;
        }
        if (typeof values === "function") {
          cb = values;
          values = void 0;
        }
        const response = promisify(this.Promise, cb);
        cb = response.callback;
        this.connect((err, client) => {
          if (err) {
            return cb(err);
          }
          let clientReleased = false;
          const onError = (err2) => {
            if (clientReleased) {
              return;
            }
            clientReleased = true;
            client.release(err2);
            cb(err2);
          };
          client.once("error", onError);
          this.log("dispatching query");
          try {
            client.query(text, values, (err2, res) => {
              this.log("query dispatched");
              client.removeListener("error", onError);
              if (clientReleased) {
                return;
              }
              clientReleased = true;
              client.release(err2);
              if (err2) {
                return cb(err2);
              }
              return cb(void 0, res);
            });
          } catch (err2) {
            client.release(err2);
            return cb(err2);
          }
        });
        return response.result;
      }
      end(cb) {
        this.log("ending");
        if (this.ending) {
          const err = new Error("Called end on pool more than once");
          return cb ? cb(err) : this.Promise.reject(err);
        }
        this.ending = true;
        const promised = promisify(this.Promise, cb);
        this._endCallback = promised.callback;
        this._pulseQueue();
        return promised.result;
      }
      get waitingCount() {
        return this._pendingQueue.length;
      }
      get idleCount() {
        return this._idle.length;
      }
      get expiredCount() {
        return this._clients.reduce((acc, client) => acc + (this._expired.has(client) ? 1 : 0), 0);
      }
      get totalCount() {
        return this._clients.length;
      }
    };
    module.exports = Pool2;
  }
});

// node_modules/pg/lib/native/query.js
var require_query2 = __commonJS({
  "node_modules/pg/lib/native/query.js"(exports, module) {
    "use strict";
    var EventEmitter = __require("events").EventEmitter;
    var util = __require("util");
    var utils = require_utils();
    var NativeQuery = module.exports = function(config, values, callback) {
      EventEmitter.call(this);
      config = utils.normalizeQueryConfig(config, values, callback);
      this.text = config.text;
      this.values = config.values;
      this.name = config.name;
      this.queryMode = config.queryMode;
      this.callback = config.callback;
      this.state = "new";
      this._arrayMode = config.rowMode === "array";
      this._emitRowEvents = false;
      this.on(
        "newListener",
        function(event) {
          if (event === "row") this._emitRowEvents = true;
        }.bind(this)
      );
    };
    util.inherits(NativeQuery, EventEmitter);
    var errorFieldMap = {
      sqlState: "code",
      statementPosition: "position",
      messagePrimary: "message",
      messageDetail: "detail",
      messageHint: "hint",
      context: "where",
      schemaName: "schema",
      tableName: "table",
      columnName: "column",
      dataTypeName: "dataType",
      constraintName: "constraint",
      sourceFile: "file",
      sourceLine: "line",
      sourceFunction: "routine"
    };
    NativeQuery.prototype.handleError = function(err) {
      const fields = this.native && this.native.pq.resultErrorFields();
      if (fields) {
        for (const key2 in fields) {
          const normalizedFieldName = errorFieldMap[key2] || key2;
          err[normalizedFieldName] = fields[key2];
        }
      }
      if (this.callback) {
        this.callback(err);
      } else {
        this.emit("error", err);
      }
      this.state = "error";
    };
    NativeQuery.prototype.then = function(onSuccess, onFailure) {
      return this._getPromise().then(onSuccess, onFailure);
    };
    NativeQuery.prototype.catch = function(callback) {
      return this._getPromise().catch(callback);
    };
    NativeQuery.prototype._getPromise = function() {
      if (this._promise) return this._promise;
      this._promise = new Promise(
        function(resolve, reject) {
          this._once("end", resolve);
          this._once("error", reject);
        }.bind(this)
      );
      return this._promise;
    };
    NativeQuery.prototype.submit = function(client) {
      this.state = "running";
      const self = this;
      this.native = client.native;
      client.native.arrayMode = this._arrayMode;
      let after = function(err, rows, results) {
        client.native.arrayMode = false;
        setImmediate(function() {
          self.emit("_done");
        });
        if (err) {
          return self.handleError(err);
        }
        if (self._emitRowEvents) {
          if (results.length > 1) {
            rows.forEach((rowOfRows, i) => {
              rowOfRows.forEach((row) => {
                self.emit("row", row, results[i]);
              });
            });
          } else {
            rows.forEach(function(row) {
              self.emit("row", row, results);
            });
          }
        }
        self.state = "end";
        self.emit("end", results);
        if (self.callback) {
          self.callback(null, results);
        }
      };
      if (process.domain) {
        after = process.domain.bind(after);
      }
      if (this.name) {
        if (this.name.length > 63) {
          console.error("Warning! Postgres only supports 63 characters for query names.");
          console.error("You supplied %s (%s)", this.name, this.name.length);
          console.error("This can cause conflicts and silent errors executing queries");
        }
        const values = (this.values || []).map(utils.prepareValue);
        if (client.namedQueries[this.name] !== void 0) {
          if (this.text && client.namedQueries[this.name] !== this.text) {
            const err = new Error(`Prepared statements must be unique - '${this.name}' was used for a different statement`);
            return after(err);
          }
          return client.native.execute(this.name, values, after);
        }
        return client.native.prepare(this.name, this.text, values.length, function(err) {
          if (err) return after(err);
          client.namedQueries[self.name] = self.text;
          return self.native.execute(self.name, values, after);
        });
      } else if (this.values) {
        if (!Array.isArray(this.values)) {
          const err = new Error("Query values must be an array");
          return after(err);
        }
        const vals = this.values.map(utils.prepareValue);
        client.native.query(this.text, vals, after);
      } else if (this.queryMode === "extended") {
        client.native.query(this.text, [], after);
      } else {
        client.native.query(this.text, after);
      }
    };
  }
});

// node_modules/pg/lib/native/client.js
var require_client2 = __commonJS({
  "node_modules/pg/lib/native/client.js"(exports, module) {
    var nodeUtils = __require("util");
    var Native;
    try {
      Native = __require("pg-native");
    } catch (e) {
      throw e;
    }
    var TypeOverrides2 = require_type_overrides();
    var EventEmitter = __require("events").EventEmitter;
    var util = __require("util");
    var ConnectionParameters = require_connection_parameters();
    var NativeQuery = require_query2();
    var queryQueueLengthDeprecationNotice = nodeUtils.deprecate(
      () => {
      },
      "Calling client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0. Use async/await or an external async flow control mechanism instead."
    );
    var Client2 = module.exports = function(config) {
      EventEmitter.call(this);
      config = config || {};
      this._Promise = config.Promise || global.Promise;
      this._types = new TypeOverrides2(config.types);
      this.native = new Native({
        types: this._types
      });
      this._queryQueue = [];
      this._ending = false;
      this._connecting = false;
      this._connected = false;
      this._queryable = true;
      this.pipeline = Boolean(config.pipeline);
      this._pipelineInFlight = false;
      const cp = this.connectionParameters = new ConnectionParameters(config);
      if (config.nativeConnectionString) cp.nativeConnectionString = config.nativeConnectionString;
      this.user = cp.user;
      Object.defineProperty(this, "password", {
        configurable: true,
        enumerable: false,
        writable: true,
        value: cp.password
      });
      this.database = cp.database;
      this.host = cp.host;
      this.port = cp.port;
      this.namedQueries = {};
    };
    Client2.Query = NativeQuery;
    util.inherits(Client2, EventEmitter);
    Client2.prototype._errorAllQueries = function(err) {
      const enqueueError = (query) => {
        process.nextTick(() => {
          query.native = this.native;
          query.handleError(err);
        });
      };
      if (this._hasActiveQuery()) {
        enqueueError(this._activeQuery);
        this._activeQuery = null;
      }
      this._queryQueue.forEach(enqueueError);
      this._queryQueue.length = 0;
    };
    Client2.prototype._connect = function(cb) {
      const self = this;
      if (this._connecting) {
        process.nextTick(() => cb(new Error("Client has already been connected. You cannot reuse a client.")));
        return;
      }
      this._connecting = true;
      this.connectionParameters.getLibpqConnectionString(function(err, conString) {
        if (self.connectionParameters.nativeConnectionString) conString = self.connectionParameters.nativeConnectionString;
        if (err) return cb(err);
        self.native.connect(conString, function(err2) {
          if (err2) {
            self.native.end();
            return cb(err2);
          }
          self._connected = true;
          self.native.on("error", function(err3) {
            self._queryable = false;
            self._errorAllQueries(err3);
            self.emit("error", err3);
          });
          self.native.on("notification", function(msg) {
            self.emit("notification", {
              channel: msg.relname,
              payload: msg.extra
            });
          });
          self.emit("connect");
          self._pulseQueryQueue(true);
          cb(null, this);
        });
      });
    };
    Client2.prototype.connect = function(callback) {
      if (callback) {
        this._connect(callback);
        return;
      }
      return new this._Promise((resolve, reject) => {
        this._connect((error) => {
          if (error) {
            reject(error);
          } else {
            resolve(this);
          }
        });
      });
    };
    Client2.prototype.query = function(config, values, callback) {
      let query;
      let result;
      let readTimeout;
      let readTimeoutTimer;
      let queryCallback;
      if (config === null || config === void 0) {
        throw new TypeError("Client was passed a null or undefined query");
      } else if (typeof config.submit === "function") {
        readTimeout = config.query_timeout || this.connectionParameters.query_timeout;
        result = query = config;
        if (typeof values === "function") {
          config.callback = values;
        }
      } else {
        readTimeout = config.query_timeout || this.connectionParameters.query_timeout;
        query = new NativeQuery(config, values, callback);
        if (!query.callback) {
          let resolveOut, rejectOut;
          result = new this._Promise((resolve, reject) => {
            resolveOut = resolve;
            rejectOut = reject;
          }).catch((err) => {
            Error.captureStackTrace(err);
            throw err;
          });
          query.callback = (err, res) => err ? rejectOut(err) : resolveOut(res);
        }
      }
      if (readTimeout) {
        queryCallback = query.callback || (() => {
        });
        readTimeoutTimer = setTimeout(() => {
          const error = new Error("Query read timeout");
          process.nextTick(() => {
            query.handleError(error, this.connection);
          });
          queryCallback(error);
          query.callback = () => {
          };
          const index = this._queryQueue.indexOf(query);
          if (index > -1) {
            this._queryQueue.splice(index, 1);
          }
          this._pulseQueryQueue();
        }, readTimeout);
        query.callback = (err, res) => {
          clearTimeout(readTimeoutTimer);
          queryCallback(err, res);
        };
      }
      if (!this._queryable) {
        query.native = this.native;
        process.nextTick(() => {
          query.handleError(new Error("Client has encountered a connection error and is not queryable"));
        });
        return result;
      }
      if (this._ending) {
        query.native = this.native;
        process.nextTick(() => {
          query.handleError(new Error("Client was closed and is not queryable"));
        });
        return result;
      }
      if (this._queryQueue.length > 0 && !this.pipeline) {
        queryQueueLengthDeprecationNotice();
      }
      this._queryQueue.push(query);
      this._pulseQueryQueue();
      return result;
    };
    Client2.prototype.end = function(cb) {
      const self = this;
      this._ending = true;
      if (this._connecting && !this._connected) {
        this.once("connect", () => {
          this.end(() => {
          });
        });
      }
      let result;
      if (!cb) {
        result = new this._Promise(function(resolve, reject) {
          cb = (err) => err ? reject(err) : resolve();
        });
      }
      const doEnd = function() {
        self.native.end(function() {
          self._connected = false;
          self._errorAllQueries(new Error("Connection terminated"));
          process.nextTick(() => {
            self.emit("end");
            if (cb) cb();
          });
        });
      };
      if (this.pipeline && (this._pipelineInFlight || this._queryQueue.length > 0)) {
        this.once("drain", doEnd);
      } else {
        doEnd();
      }
      return result;
    };
    Client2.prototype._hasActiveQuery = function() {
      return this._activeQuery && this._activeQuery.state !== "error" && this._activeQuery.state !== "end";
    };
    Client2.prototype._pulseQueryQueue = function(initialConnection) {
      if (!this._connected) {
        return;
      }
      if (this.pipeline && !initialConnection) {
        return this._pulsePipelinedQueryQueue();
      }
      if (this._hasActiveQuery()) {
        return;
      }
      const query = this._queryQueue.shift();
      if (!query) {
        if (!initialConnection) {
          this.emit("drain");
        }
        return;
      }
      this._activeQuery = query;
      query.submit(this);
      const self = this;
      query.once("_done", function() {
        self._pulseQueryQueue();
      });
    };
    Client2.prototype._pulsePipelinedQueryQueue = function() {
      if (!this._connected || this._pipelineInFlight) {
        return;
      }
      if (this._queryQueue.length === 0) {
        if (this.hasExecuted) {
          this.emit("drain");
        }
        return;
      }
      this._pipelineInFlight = true;
      const self = this;
      const queries = [];
      const nativeQueries = [];
      const utils = require_utils();
      while (this._queryQueue.length > 0) {
        const query = this._queryQueue.shift();
        this.hasExecuted = true;
        nativeQueries.push(query);
        const values = query.values ? query.values.map(utils.prepareValue) : null;
        const pipelineEntry = { text: query.text, name: query.name, arrayMode: query._arrayMode };
        if (values) {
          pipelineEntry.values = values;
        }
        if (query.name && this.namedQueries[query.name]) {
          pipelineEntry._alreadyPrepared = true;
        }
        queries.push(pipelineEntry);
      }
      this.native.pipeline(queries, function(err, results) {
        self._pipelineInFlight = false;
        if (err) {
          self._connected = false;
          self._queryable = false;
          for (let i = 0; i < nativeQueries.length; i++) {
            const q = nativeQueries[i];
            q.native = self.native;
            q.handleError(err);
          }
          self._errorAllQueries(err);
          self.emit("error", err);
          self.emit("end");
          return;
        }
        for (let i = 0; i < nativeQueries.length; i++) {
          const q = nativeQueries[i];
          const r = results[i];
          q.native = self.native;
          if (r.err) {
            q.handleError(r.err);
          } else {
            if (q.name) {
              self.namedQueries[q.name] = q.text;
            }
            q.state = "end";
            q.emit("end", r.result);
            if (q.callback) {
              q.callback(null, r.result);
            }
          }
          setImmediate(function() {
            q.emit("_done");
          });
        }
        self._pulsePipelinedQueryQueue();
      });
    };
    Client2.prototype.cancel = function(query) {
      if (this._activeQuery === query) {
        this.native.cancel(function() {
        });
      } else if (this._queryQueue.indexOf(query) !== -1) {
        this._queryQueue.splice(this._queryQueue.indexOf(query), 1);
      }
    };
    Client2.prototype.ref = function() {
    };
    Client2.prototype.unref = function() {
    };
    Client2.prototype.setTypeParser = function(oid, format, parseFn) {
      return this._types.setTypeParser(oid, format, parseFn);
    };
    Client2.prototype.getTypeParser = function(oid, format) {
      return this._types.getTypeParser(oid, format);
    };
    Client2.prototype.isConnected = function() {
      return this._connected;
    };
    Client2.prototype.getTransactionStatus = function() {
      return this.native.getTransactionStatus();
    };
  }
});

// node_modules/pg/lib/native/index.js
var require_native = __commonJS({
  "node_modules/pg/lib/native/index.js"(exports, module) {
    "use strict";
    module.exports = require_client2();
  }
});

// node_modules/pg/lib/index.js
var require_lib2 = __commonJS({
  "node_modules/pg/lib/index.js"(exports, module) {
    "use strict";
    var Client2 = require_client();
    var defaults2 = require_defaults();
    var Connection2 = require_connection();
    var Result2 = require_result();
    var utils = require_utils();
    var Pool2 = require_pg_pool();
    var TypeOverrides2 = require_type_overrides();
    var { DatabaseError: DatabaseError2 } = require_dist();
    var { escapeIdentifier: escapeIdentifier2, escapeLiteral: escapeLiteral2 } = require_utils();
    var poolFactory = (Client3) => {
      return class BoundPool extends Pool2 {
        constructor(options) {
          super(options, Client3);
        }
      };
    };
    var PG = function(clientConstructor2) {
      this.defaults = defaults2;
      this.Client = clientConstructor2;
      this.Query = this.Client.Query;
      this.Pool = poolFactory(this.Client);
      this._pools = [];
      this.Connection = Connection2;
      this.types = require_pg_types();
      this.DatabaseError = DatabaseError2;
      this.TypeOverrides = TypeOverrides2;
      this.escapeIdentifier = escapeIdentifier2;
      this.escapeLiteral = escapeLiteral2;
      this.Result = Result2;
      this.utils = utils;
    };
    var clientConstructor = Client2;
    var forceNative = false;
    try {
      forceNative = !!process.env.NODE_PG_FORCE_NATIVE;
    } catch {
    }
    if (forceNative) {
      clientConstructor = require_native();
    }
    module.exports = new PG(clientConstructor);
    Object.defineProperty(module.exports, "native", {
      configurable: true,
      enumerable: false,
      get() {
        let native = null;
        try {
          native = new PG(require_native());
        } catch (err) {
          if (err.code !== "MODULE_NOT_FOUND") {
            throw err;
          }
        }
        Object.defineProperty(module.exports, "native", {
          value: native
        });
        return native;
      }
    });
  }
});

// src/cli/serve.ts
import { createPublicKey } from "node:crypto";

// src/server/storage/errors.ts
var StorageFault = class extends Error {
  code;
  constructor(code, message) {
    super(message);
    this.name = "StorageFault";
    this.code = code;
  }
};
function storageFault(err, what) {
  const mapped = storageError(err, what);
  if (mapped instanceof InputError) return new StorageFault(mapped.code, mapped.message);
  if (mapped instanceof StorageFault) return mapped;
  return new StorageFault(
    "log-storage-unreadable",
    `${what}: ${oneLine(mapped instanceof Error ? mapped.message : String(mapped))}`
  );
}
var SQLITE_BUSY = 5;
var SQLITE_LOCKED = 6;
var SQLITE_READONLY = 8;
var SQLITE_IOERR = 10;
var SQLITE_CORRUPT = 11;
var SQLITE_FULL = 13;
var SQLITE_CANTOPEN = 14;
var SQLITE_NOTADB = 26;
var SQLITE_PERM = 3;
var SQLITE_AUTH = 23;
function isDiskFull(err) {
  const e = err;
  if (typeof e?.errcode === "number" && (e.errcode & 255) === SQLITE_FULL) return true;
  return e?.code === "ENOSPC" || e?.code === "EDQUOT";
}
function storageError(err, what) {
  if (err instanceof InputError) return err;
  const e = err;
  const detail2 = oneLine(typeof e?.message === "string" ? e.message : String(err));
  if (isDiskFull(err)) return new InputError("disk-full", `${what}: the disk is full (${detail2})`);
  if (typeof e?.errcode === "number") {
    const primary = e.errcode & 255;
    if (primary === SQLITE_BUSY || primary === SQLITE_LOCKED)
      return new InputError("log-storage-locked", `${what}: the database is locked by another process (${detail2})`);
    if (primary === SQLITE_CORRUPT || primary === SQLITE_NOTADB)
      return new InputError("log-storage-inconsistent", `${what}: the database file is damaged (${detail2})`);
    if ([SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_AUTH].includes(primary))
      return new InputError("log-storage-unreadable", `${what}: cannot read or write the database (${detail2})`);
    return err;
  }
  if (typeof e?.code === "string" && ["EACCES", "EPERM", "ENOTDIR", "EISDIR", "EROFS", "EIO", "ELOOP"].includes(e.code))
    return new InputError("log-storage-unreadable", `${what}: ${e.code} (${detail2})`);
  return err;
}
function oneLine(text) {
  return text.replace(/\s+/g, " ").trim().slice(0, 300);
}

// src/server/refusal.ts
var Refusal = class extends Error {
  status;
  code;
  /** Seconds for the Retry-After header (503 overloaded, 429 rate-limited). */
  retryAfter;
  constructor(status, code, message, retryAfter) {
    super(message);
    this.name = "Refusal";
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
};
var MALFORMED = /* @__PURE__ */ new Set([
  ...STRICT_JSON_CODES.filter((code) => code !== "too-large"),
  ...BUNDLE_PARSE_CODES,
  "primary-unsupported-version",
  "primary-not-dsse"
]);
var CONFLICT = /* @__PURE__ */ new Set(["statement-rollback", "statement-version-reused", "countersignature-duplicate"]);
var FORBIDDEN = /* @__PURE__ */ new Set(["rotation-needs-review"]);
var DISK_FULL_RETRY_AFTER_SECONDS = 30;
function refusalOf(err) {
  if (err instanceof Refusal) return err;
  if (err instanceof StorageFault)
    return err.code === "disk-full" ? new Refusal(
      503,
      carried("disk-full"),
      "the countersigning service cannot store new entries: its disk is full; nothing was countersigned, retry later",
      DISK_FULL_RETRY_AFTER_SECONDS
    ) : void 0;
  if (!(err instanceof VerificationError) && !(err instanceof InputError)) return void 0;
  const status = err.code === "too-large" ? 413 : MALFORMED.has(err.code) ? 400 : CONFLICT.has(err.code) ? 409 : FORBIDDEN.has(err.code) ? 403 : err instanceof VerificationError ? 422 : 400;
  return new Refusal(status, carried(err.code), oneLine2(err.message));
}
function oneLine2(message, max = 1e3) {
  const line = message.replace(/[\r\n\t]+/g, " ").replace(new RegExp("\\p{Cc}", "gu"), "");
  return line.length > max ? `${line.slice(0, max)}\u2026` : line;
}

// src/server/service.ts
import { createServer } from "node:http";

// src/server/transparency-log.ts
import { createHash as createHash2 } from "node:crypto";

// src/server/storage/entry-check.ts
function entryProblem(entry, publicKeyOf) {
  if (!equalBytes(leafHash(entry.statement), entry.leafHash)) return "its statement does not match its leaf hash";
  let statement;
  try {
    statement = parseCountersignatureStatement(entry.statement, "statement");
  } catch (err) {
    return `its statement does not parse (${err instanceof Error ? err.message : String(err)})`;
  }
  const columns = [
    ["key id", entry.keyId, statement.keyId],
    ["stream", entry.stream, statement.stream],
    ["version", entry.version, statement.version],
    ["payload digest", entry.payloadDigest, statement.payloadDigest.sha256],
    ["primary signature digest", entry.primarySignatureDigest, statement.primarySignatureDigest.sha256],
    ["signed-at", entry.signedAt, statement.signedAt]
  ];
  for (const [name, stored, signed] of columns)
    if (stored !== signed) return `its stored ${name} is not the statement's`;
  if (sha256Hex(entry.certificate) !== statement.certificateDigest.sha256)
    return "its stored certificate is not the one the statement binds";
  const key2 = publicKeyOf(statement.keyId);
  if (!key2) return `its countersigning key ${statement.keyId} is not known to this log`;
  if (!verifyEd25519Strict(entry.signature, preAuthEncoding(COUNTERSIGNATURE_PAYLOAD_TYPE, entry.statement), key2))
    return "its countersignature does not verify";
  return void 0;
}

// src/server/storage/high-water.ts
import { open, readFile, rename, unlink } from "node:fs/promises";
import { join } from "node:path";
var HIGH_WATER_FILE = "checkpoint.high-water";
var MAX_HIGH_WATER_BYTES = 64 * 1024;
async function readHighWater(dataDir) {
  const path = join(dataDir, HIGH_WATER_FILE);
  let bytes;
  try {
    bytes = await readFile(path);
  } catch (err) {
    if (err.code === "ENOENT") return void 0;
    throw storageError(err, path);
  }
  if (bytes.length > MAX_HIGH_WATER_BYTES)
    throw new InputError("log-storage-inconsistent", `${path}: ${bytes.length} bytes, over ${MAX_HIGH_WATER_BYTES}`);
  return bytes.toString("utf8");
}
async function writeHighWater(dataDir, note) {
  const path = join(dataDir, HIGH_WATER_FILE);
  const temp = `${path}.tmp`;
  try {
    const file = await open(temp, "w", 384);
    try {
      await file.writeFile(note);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => void 0);
    throw err;
  }
  const dir = await open(dataDir, "r");
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

// src/server/storage/stored-tree.ts
var StoredTree = class {
  read;
  /** Size covered by the stored nodes (committed). */
  committedSize;
  pendingSize;
  /** Uncommitted nodes by `level:index` (leaves included). */
  overlay = /* @__PURE__ */ new Map();
  constructor(read, committedSize) {
    this.read = read;
    this.committedSize = committedSize;
    this.pendingSize = committedSize;
  }
  /** Size including uncommitted appends. */
  get size() {
    return this.pendingSize;
  }
  get committed() {
    return this.committedSize;
  }
  /** Adds a leaf (uncommitted); returns its index and the nodes to store with it. */
  append(leaf) {
    const index = this.pendingSize;
    const nodes = [{ level: 0, index, hash: leaf }];
    let node = leaf;
    for (let level = 0, i = index; i % 2 === 1; level += 1, i = Math.floor(i / 2)) {
      node = nodeHash(this.node(level, i - 1), node);
      nodes.push({ level: level + 1, index: Math.floor(i / 2), hash: node });
    }
    for (const n of nodes) this.overlay.set(key(n.level, n.index), n.hash);
    this.pendingSize = index + 1;
    return { index, nodes };
  }
  /** The appends up to `size` are committed: their nodes are now read from storage. */
  committedUpTo(size, nodes) {
    for (const n of nodes) this.overlay.delete(key(n.level, n.index));
    this.committedSize = size;
  }
  /** Drops every uncommitted append (their commit failed). */
  rollback() {
    this.overlay.clear();
    this.pendingSize = this.committedSize;
  }
  /** MTH of the first `size` leaves (default: all, including uncommitted). */
  root(size = this.pendingSize) {
    this.checkSize(size);
    return size === 0 ? emptyRoot() : this.mth(0, size);
  }
  leaf(index) {
    return this.node(0, index);
  }
  inclusionProof(index, size) {
    this.checkSize(size);
    return inclusionPath(index, size, this.mth);
  }
  consistencyProof(from, to) {
    this.checkSize(to);
    return consistencyProof(from, to, this.mth);
  }
  node(level, index) {
    const hash = this.overlay.get(key(level, index)) ?? this.read(level, index);
    if (!hash) throw new Error(`the log storage has no tree node ${index} at level ${level}`);
    return hash;
  }
  checkSize(size) {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.pendingSize)
      throw new RangeError(`tree size ${size}: the tree has ${this.pendingSize} leaves`);
  }
  /** Perfect aligned ranges are one stored node; others split as RFC 6962 does. */
  mth = (lo, hi) => {
    const n = hi - lo;
    if (isPowerOfTwo(n) && lo % n === 0) return this.node(Math.log2(n), lo / n);
    const k = splitPoint(n);
    return nodeHash(this.mth(lo, lo + k), this.mth(lo + k, hi));
  };
};
function key(level, index) {
  return `${level}:${index}`;
}
function isPowerOfTwo(n) {
  return n >= 1 && Number.isInteger(Math.log2(n)) && 2 ** Math.log2(n) === n;
}

// src/server/storage/stream-state.ts
import { createHash } from "node:crypto";
var HEADER = "countersign stream state v1";
function stateDigest(state) {
  const hash = createHash("sha256");
  for (const stream of [...state.keys()].sort()) {
    const head = state.get(stream);
    if (head) hash.update(`${stream} ${head.version} ${head.index} ${head.payloadDigest}
`);
  }
  return hash.digest("hex");
}
function stateText(origin, size, digest) {
  return `${HEADER}
${origin}
${size}
${digest}
`;
}
function signStreamState(state, size, signer) {
  return signNote(stateText(signer.name, size, stateDigest(state)), signer);
}
function streamStateProblem(state, size, note, verifier) {
  let text;
  try {
    text = openNote(note, verifier, "stream state note");
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  const want = stateText(verifier.name, size, stateDigest(state));
  return text === want ? void 0 : "the stored stream versions do not match their signed digest";
}

// src/server/transparency-log.ts
var LogRecoveryError = class extends InputError {
  constructor(message) {
    super("log-storage-inconsistent", message);
    this.name = "LogRecoveryError";
  }
};
var AlreadyInLog = class extends Error {
  index;
  constructor(index) {
    super(`this primary is already in the log at index ${index}`);
    this.name = "AlreadyInLog";
    this.index = index;
  }
};
var CATCH_UP_CHUNK = 2e3;
var UPGRADE_CHUNK = 1e4;
var TransparencyLog = class _TransparencyLog {
  store;
  signer;
  tree;
  /** What is served: the last checkpoint that is both committed and in the high-water mark. */
  published = { size: 0, note: "", root: new Uint8Array() };
  committed = { note: "", root: new Uint8Array() };
  /** Stream heads committed; `pendingHeads` adds the appends not yet committed. */
  heads = /* @__PURE__ */ new Map();
  pendingHeads = /* @__PURE__ */ new Map();
  pendingByDigest = /* @__PURE__ */ new Map();
  queue = [];
  flushScheduled = false;
  flushing = false;
  sequencer;
  /** Commits and catch-ups run one at a time, in order. */
  tail = Promise.resolve();
  /** A catch-up queued and not started yet: later callers share it. */
  nextCatchUp;
  /**
   * Entries checked in full: 16 bytes of the digest of everything served from the row, by
   * index (all zero: not checked). A row changed after its check no longer matches and is
   * checked again; the digest costs one SHA-256, the full check a parse and an Ed25519
   * verification. 16 MiB per million entries served.
   */
  checked = new Uint8Array(0);
  bad = /* @__PURE__ */ new Set();
  constructor(store, signer) {
    this.store = store;
    this.signer = signer;
    this.tree = new StoredTree((level, index) => store.node(level, index), 0);
  }
  get origin() {
    return this.signer.name;
  }
  /** The size of the published tree (what checkpoints, proofs and entry lists cover). */
  get size() {
    return this.published.size;
  }
  /** The latest published signed checkpoint (a signed note). */
  get checkpoint() {
    return this.published.note;
  }
  get verifier() {
    return { name: this.signer.name, rawPublicKey: this.signer.rawPublicKey };
  }
  static async open(store, signer, options = {}) {
    const log = new _TransparencyLog(store, signer);
    try {
      await log.recover(options);
    } catch (err) {
      if (err instanceof InputError) throw err;
      const mapped = storageError(err, store.path);
      if (mapped !== err) throw mapped;
      throw new LogRecoveryError(`${store.path}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (options.sequencer) {
      log.sequencer = options.sequencer;
      const vkey = verifierKey(signer.name, signer.rawPublicKey);
      const shared = await options.sequencer.claimMeta("verifier-key", vkey);
      if (shared !== vkey)
        throw new LogRecoveryError(
          `${options.sequencer.description}: this log was created with the log key ${shared}, not ${vkey}; every instance signs with the same log key and origin`
        );
      try {
        await options.sequencer.read((reader2) => log.catchUpFrom(reader2));
      } catch (err) {
        const f = err instanceof StorageFault ? err : storageFault(err, options.sequencer.description);
        throw new InputError(f.code, f.message);
      }
    }
    store.setGuard((entry) => {
      log.checkEntry(entry);
    });
    return log;
  }
  /**
   * Brings this instance up to date with the shared log (entries other instances appended),
   * before a read that must not be behind (a checkpoint, an entry or proof of a size it has
   * not seen). Nothing to do without a sequencer. Concurrent callers share one catch-up.
   */
  catchUp() {
    const sequencer = this.sequencer;
    if (!sequencer) return Promise.resolve();
    this.nextCatchUp ??= this.exclusively(async () => {
      this.nextCatchUp = void 0;
      let changed = true;
      try {
        changed = await sequencer.read((reader2) => this.catchUpFrom(reader2));
      } finally {
        if (changed) this.resequence([]);
      }
    });
    return this.nextCatchUp;
  }
  /** Runs `fn` after every commit and catch-up before it, alone. */
  exclusively(fn) {
    const run2 = this.tail.then(fn, fn);
    this.tail = run2.catch(() => void 0);
    return run2;
  }
  /**
   * Reads what the shared log has beyond this instance's committed size, chunk by chunk, and
   * keeps each chunk once it checks out. Pending (uncommitted) appends are dropped from the
   * tree first when there is anything to read: the caller puts them back (`resequence`).
   * Returns whether anything was read. Throws StorageFault('log-storage-inconsistent') when the
   * shared log does not extend this instance's (shorter, or another root at its size).
   */
  async catchUpFrom(reader2) {
    const where = this.sequencer?.description ?? "the shared database";
    const fork = (why) => {
      throw new StorageFault("log-storage-inconsistent", `${where}: ${why}; refusing to fork the log`);
    };
    const latest = await reader2.latestSize() ?? 0;
    const mine = this.tree.committed;
    if (latest < mine)
      fork(
        `the database's log has ${latest} entries but this instance already holds ${mine} (the database was wiped or rolled back)`
      );
    if (mine > 0) {
      const at = await reader2.checkpointAt(mine);
      if (!at) return fork(`the database has no checkpoint at this instance's size ${mine}`);
      const cp = verifyCheckpoint(at.note, this.verifier, `${where}: checkpoint at size ${mine}`);
      if (!equalBytes(cp.root, this.committed.root)) fork(`its tree at this instance's size ${mine} has another root`);
    }
    if (latest === mine) return false;
    this.tree.rollback();
    while (this.tree.committed < latest) {
      const chunk = await reader2.chunkAfter(this.tree.committed, CATCH_UP_CHUNK);
      this.keepRemoteChunk(chunk.entries, chunk.checkpoint, fork);
      await this.publish(this.tree.committed, this.committed.note, this.committed.root);
    }
    return true;
  }
  /** Checks a chunk of entries appended by other instances against its signed checkpoint and stream state, then stores it. */
  keepRemoteChunk(entries, checkpoint, fork) {
    const base = this.tree.committed;
    const heads = new Map(this.heads);
    const changed = /* @__PURE__ */ new Map();
    const nodes = [];
    const kept = [];
    try {
      for (const e of entries) {
        if (e.index !== this.tree.size) fork(`entry ${this.tree.size} is missing (found ${e.index})`);
        const leaf = leafHash(e.statement);
        nodes.push(...this.tree.append(leaf).nodes);
        const head = { version: e.version, index: e.index, payloadDigest: e.payloadDigest };
        heads.set(e.stream, head);
        changed.set(e.stream, head);
        kept.push({ ...e, leafHash: leaf });
      }
      const size = this.tree.size;
      const cp = verifyCheckpoint(checkpoint.note, this.verifier, `checkpoint at size ${checkpoint.size}`);
      if (cp.size !== size || checkpoint.size !== size)
        fork(`the checkpoint of size ${cp.size} ends a chunk of ${size - base} entries after ${base}`);
      const root = this.tree.root(size);
      if (!equalBytes(root, cp.root))
        fork(`entries ${base}..${size - 1} do not hash to the signed checkpoint of size ${size}`);
      const stateProblem = streamStateProblem(heads, size, checkpoint.state, this.verifier);
      if (stateProblem) fork(`stream versions at size ${size}: ${stateProblem}`);
      this.store.commit({ entries: kept, nodes, streams: changed, checkpoint });
      this.tree.committedUpTo(size, nodes);
      this.heads = heads;
      this.committed = { note: checkpoint.note, root };
    } catch (err) {
      this.tree.rollback();
      throw err;
    }
  }
  /**
   * Puts the pending appends (`batch`, then the queue) back on top of the tree after a
   * catch-up: each is checked again against the stream heads (now including other instances'
   * appends) and numbered anew; one that no longer passes is rejected (409, or AlreadyInLog
   * when its primary was appended meanwhile). Returns what is left of `batch`.
   */
  resequence(batch) {
    this.tree.rollback();
    this.pendingHeads.clear();
    this.pendingByDigest.clear();
    const keep = (list, sequence) => list.filter((p) => {
      const logged = this.store.findByPrimaryUnchecked(p.entry.payloadDigest, p.entry.primarySignatureDigest);
      const refusal = logged ? new AlreadyInLog(logged.index) : this.versionRefusal(p.entry);
      if (refusal) {
        p.reject(refusal);
        return false;
      }
      const { index, nodes } = sequence ? this.tree.append(p.entry.leafHash) : { index: -1, nodes: [] };
      p.entry = { ...p.entry, index };
      p.nodes = nodes;
      this.pendingHeads.set(p.entry.stream, {
        version: p.entry.version,
        index,
        payloadDigest: p.entry.payloadDigest
      });
      this.pendingByDigest.set(`${p.entry.payloadDigest} ${p.entry.primarySignatureDigest}`, p);
      return true;
    });
    const kept = keep(batch, true);
    this.queue = keep(this.queue, this.sequencer === void 0);
    return kept;
  }
  async recover(options) {
    const where = this.store.path;
    const refuse = (why) => {
      throw new LogRecoveryError(`${where}: ${why}`);
    };
    const vkey = verifierKey(this.signer.name, this.signer.rawPublicKey);
    const storedKey = this.store.meta("verifier-key");
    if (storedKey !== void 0 && storedKey !== vkey) {
      refuse(
        `this log was created with the log key ${storedKey}, not ${vkey}; a log keeps one origin and key for life (start a new --data directory to rotate)`
      );
    }
    for (const key2 of options.countersignerKeys ?? []) this.store.addPublicKey(key2);
    const { count, maxIndex } = this.store.entryCount();
    if (count !== maxIndex + 1)
      refuse(
        `${count} entry rows but the largest index is ${maxIndex}: entries are missing (damaged or edited storage)`
      );
    let saved = this.store.checkpoint();
    if (count > 0 && saved?.state === void 0) {
      await this.upgrade(count, saved?.note);
      saved = this.store.checkpoint();
    }
    if (!saved) {
      const note = await signCheckpoint({ size: 0, root: this.tree.root(0) }, this.signer);
      const state = await signStreamState(/* @__PURE__ */ new Map(), 0, this.signer);
      this.store.saveCheckpoint(0, note, state);
      saved = { size: 0, note, state };
    }
    const cp = verifyCheckpoint(saved.note, this.verifier, `${where}: stored checkpoint`);
    if (cp.size !== saved.size) refuse(`the stored checkpoint's size ${cp.size} differs from its record ${saved.size}`);
    if (cp.size > count)
      refuse(`the stored checkpoint covers ${cp.size} entries but only ${count} are stored: entries were lost`);
    if (cp.size < count)
      refuse(
        `${count} entries are stored but the stored checkpoint covers ${cp.size}: entries were added outside the service`
      );
    this.tree = new StoredTree((level, index) => this.store.node(level, index), count);
    if (!equalBytes(this.tree.root(count), cp.root))
      refuse(
        `the stored tree does not hash to the stored checkpoint's root at size ${count}: the log storage was edited or damaged`
      );
    const heads = this.store.latestPerStream();
    const stateProblem = streamStateProblem(heads, count, saved.state ?? "", this.verifier);
    if (stateProblem) refuse(`stream versions: ${stateProblem}`);
    await this.checkHighWater(count, options);
    if (storedKey === void 0) this.store.setMeta("verifier-key", vkey);
    this.heads = heads;
    this.committed = { note: saved.note, root: cp.root };
    if (await readHighWater(this.store.dataDir) !== saved.note) await writeHighWater(this.store.dataDir, saved.note);
    this.published = { size: count, note: saved.note, root: cp.root };
  }
  /** Refuses a database that is shorter than, or does not extend, what this service already signed. */
  async checkHighWater(count, options) {
    const where = this.store.dataDir;
    const note = await readHighWater(where);
    if (note === void 0) {
      if (count > 0 && !options.unsafeAcceptLogWithoutHighWaterMark)
        throw new LogRecoveryError(
          `${where}: the database has ${count} entries but there is no high-water mark (${HIGH_WATER_FILE}): it cannot be told from a rolled-back or replaced database; if this is an upgrade from a version without the mark, start once with --unsafe-accept-log-without-high-water-mark`
        );
      return;
    }
    let mark;
    try {
      mark = verifyCheckpoint(note, this.verifier, `${where}/${HIGH_WATER_FILE}`);
    } catch (err) {
      throw new LogRecoveryError(
        `${where}: the high-water mark does not verify (${err instanceof Error ? err.message : String(err)})`
      );
    }
    if (mark.size > count)
      throw new LogRecoveryError(
        `${where}: the database has ${count} entries but this service already signed a checkpoint of size ${mark.size} (high-water mark): the database was wiped, truncated or rolled back; starting would fork the log`
      );
    if (!equalBytes(this.tree.root(mark.size), mark.root))
      throw new LogRecoveryError(
        `${where}: the database (size ${count}) does not extend the high-water mark (size ${mark.size}): its root at size ${mark.size} differs; starting would fork the log`
      );
  }
  /**
   * A log from before stored nodes and signed stream heads: one pass over every entry checks
   * its leaf hash and derived columns, stores the tree's nodes and the stream heads, and signs
   * them (with a stored checkpoint, only if the entries hash to it).
   */
  async upgrade(count, oldNote) {
    const where = this.store.path;
    const tree = new StoredTree((level, index) => this.store.node(level, index), 0);
    const heads = /* @__PURE__ */ new Map();
    for (let start = 0; start < count; start += UPGRADE_CHUNK) {
      const nodes = [];
      for (const e of this.store.rawEntries(start, start + UPGRADE_CHUNK)) {
        if (e.index !== tree.size) throw new LogRecoveryError(`${where}: entry ${tree.size} is missing`);
        if (!equalBytes(leafHash(e.statement), e.leafHash))
          throw new LogRecoveryError(`${where}: entry ${e.index}'s statement does not match its leaf hash`);
        const s = parseCountersignatureStatement(e.statement, `${where}: entry ${e.index}`);
        if (s.stream !== e.stream || s.version !== e.version || s.payloadDigest.sha256 !== e.payloadDigest)
          throw new LogRecoveryError(`${where}: entry ${e.index}'s stored columns are not its statement's`);
        const head = heads.get(s.stream);
        if (!head || s.version > head.version)
          heads.set(s.stream, { version: s.version, index: e.index, payloadDigest: s.payloadDigest.sha256 });
        nodes.push(...tree.append(e.leafHash).nodes);
      }
      this.store.saveNodes(nodes);
      tree.committedUpTo(tree.size, nodes);
    }
    const root = tree.root(count);
    if (oldNote !== void 0) {
      const old = verifyCheckpoint(oldNote, this.verifier, `${where}: stored checkpoint`);
      if (old.size !== count || !equalBytes(tree.root(old.size), old.root))
        throw new LogRecoveryError(
          `${where}: the stored entries (${count}) do not hash to the stored checkpoint (size ${old.size}): the log storage was edited`
        );
    }
    const note = oldNote ?? await signCheckpoint({ size: count, root }, this.signer);
    const state = await signStreamState(heads, count, this.signer);
    this.store.replaceStreams(heads);
    this.store.saveCheckpoint(count, note, state);
  }
  /**
   * The last version of `stream` countersigned or being appended (pending appends are seen
   * from the moment `append` is called), or undefined. The check "is this version already
   * taken?" reads this; `append` applies it too.
   */
  pendingOrStoredVersion(stream) {
    return this.pendingHeads.get(stream) ?? this.heads.get(stream);
  }
  /** The index of a pending (not yet committed) append of this exact primary, and its completion. */
  pendingAppendOf(payloadDigest, primarySignatureDigest) {
    return this.pendingByDigest.get(`${payloadDigest} ${primarySignatureDigest}`)?.done;
  }
  /** Every stream's last version, pending appends included. */
  latestPerStream() {
    return new Map([...this.heads, ...this.pendingHeads]);
  }
  /**
   * Appends an entry; resolves with its index once it is durable and published.
   *
   * The contract (issue 15, group commit):
   * - Synchronously, before any await: the version is checked against
   *   `pendingOrStoredVersion` (one statement per stream version: an older version is
   *   rejected with 409 `statement-rollback`, the same version for another statement with 409
   *   `statement-version-reused`, nothing appended; the same version for the same statement is
   *   a re-run and is appended), the leaf index is assigned and the entry is
   *   pending: `pendingOrStoredVersion` and `pendingAppendOf` see it at once, so callers'
   *   checks need no lock of their own across the commit.
   * - Appends made in the same turn of the event loop (and those made while the previous batch
   *   commits) are committed together: one signed checkpoint, one transaction
   *   (synchronous=FULL: one fsync), then the high-water mark is replaced (its own fsyncs).
   * - Resolves only after that: the entry is on disk, the checkpoint covering it is in the
   *   high-water mark, and `size`, `checkpoint` and proofs include it.
   * - If the commit fails (a full disk, an I/O error), every append of the batch and every
   *   append made after it rejects, and the tree returns to the last committed state; the log
   *   keeps working and the next append commits normally once the cause is gone. If only the
   *   high-water mark cannot be written, the batch is committed but rejected (not
   *   acknowledged); a retry of the same primary finds it once a later mark covers it.
   */
  append(entry) {
    const refusal = this.versionRefusal(entry);
    if (refusal) return Promise.reject(refusal);
    const leaf = leafHash(entry.statement);
    const { index, nodes } = this.sequencer ? { index: -1, nodes: [] } : this.tree.append(leaf);
    let resolve;
    let reject;
    const done = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const pending = { entry: { ...entry, index, leafHash: leaf }, nodes, resolve, reject, done };
    done.catch(() => void 0);
    this.queue.push(pending);
    this.pendingHeads.set(entry.stream, { version: entry.version, index, payloadDigest: entry.payloadDigest });
    this.pendingByDigest.set(`${entry.payloadDigest} ${entry.primarySignatureDigest}`, pending);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        void this.flush();
      });
    }
    return done;
  }
  /** One statement per stream version: the refusal of `entry`'s version, or undefined (newer, or a re-run of the same statement). */
  versionRefusal(entry) {
    const last = this.pendingOrStoredVersion(entry.stream);
    const rerun = last?.version === entry.version && last.payloadDigest === entry.payloadDigest;
    if (!last || entry.version > last.version || rerun) return void 0;
    const where = last.index < 0 ? "being committed" : `log index ${last.index}`;
    return new Refusal(
      409,
      entry.version < last.version ? "statement-rollback" : carried("statement-version-reused"),
      entry.version < last.version ? `version ${entry.version} of ${entry.stream} is older than version ${last.version}, which this service already countersigned (${where})` : `version ${entry.version} of ${entry.stream} was already countersigned (${where}) for another statement`
    );
  }
  async flush() {
    this.flushScheduled = false;
    if (this.flushing) return;
    this.flushing = true;
    try {
      await this.exclusively(async () => {
        while (this.queue.length > 0) {
          const batch = this.queue;
          this.queue = [];
          await this.commitBatch(batch);
        }
      });
    } finally {
      this.flushing = false;
    }
  }
  async commitBatch(initial) {
    let batch = initial;
    let built;
    try {
      const sequencer = this.sequencer;
      if (sequencer) {
        built = await sequencer.write(async (writer2) => {
          await this.catchUpFrom(writer2);
          batch = this.resequence(batch);
          if (batch.length === 0) return void 0;
          const b = await this.build(batch);
          await writer2.append(b.batch.entries, b.batch.checkpoint);
          return b;
        });
      } else {
        built = await this.build(batch);
      }
      if (built) this.store.commit(built.batch);
    } catch (err) {
      const failed = [...batch, ...this.queue];
      this.queue = [];
      this.tree.rollback();
      this.pendingHeads.clear();
      this.pendingByDigest.clear();
      const fault = storageFault(err, this.sequencer?.description ?? this.store.path);
      for (const p of failed) p.reject(fault);
      return;
    }
    if (!built) return;
    const { size, note } = built.batch.checkpoint;
    this.tree.committedUpTo(size, built.batch.nodes);
    this.heads = built.heads;
    this.committed = { note, root: built.root };
    for (const { entry } of batch) {
      if (this.pendingHeads.get(entry.stream)?.index === entry.index) this.pendingHeads.delete(entry.stream);
      const key2 = `${entry.payloadDigest} ${entry.primarySignatureDigest}`;
      if (this.pendingByDigest.get(key2)?.entry.index === entry.index) this.pendingByDigest.delete(key2);
    }
    try {
      await this.publish(size, note, built.root);
    } catch (err) {
      const fault = storageFault(err, this.store.dataDir);
      for (const p of batch) p.reject(fault);
      return;
    }
    for (const p of batch) p.resolve(p.entry.index);
  }
  /** The commit of `batch` (the first pending appends): its nodes, stream heads and signed checkpoint. */
  async build(batch) {
    const size = this.tree.committed + batch.length;
    const heads = new Map(this.heads);
    const changed = /* @__PURE__ */ new Map();
    for (const { entry } of batch) {
      const head = { version: entry.version, index: entry.index, payloadDigest: entry.payloadDigest };
      heads.set(entry.stream, head);
      changed.set(entry.stream, head);
    }
    const root = this.tree.root(size);
    const [note, state] = await Promise.all([
      signCheckpoint({ size, root }, this.signer),
      signStreamState(heads, size, this.signer)
    ]);
    return {
      batch: {
        entries: batch.map((p) => p.entry),
        nodes: batch.flatMap((p) => p.nodes),
        streams: changed,
        checkpoint: { size, note, state }
      },
      heads,
      root
    };
  }
  /** Writes the high-water mark for a committed checkpoint, then serves it. */
  async publish(size, note, root) {
    await writeHighWater(this.store.dataDir, note);
    if (size > this.published.size) this.published = { size, note, root };
  }
  inclusionProof(index, size = this.size) {
    if (size > this.size) throw new RangeError(`tree size ${size}: the published tree has ${this.size} leaves`);
    return this.tree.inclusionProof(index, size);
  }
  consistencyProof(from, to = this.size) {
    if (to > this.size) throw new RangeError(`tree size ${to}: the published tree has ${this.size} leaves`);
    return this.tree.consistencyProof(from, to);
  }
  /** The guard of every entry the store hands out: throws unless it checks out in full (once per index). */
  checkEntry(entry) {
    const { index } = entry;
    if (index >= this.published.size) {
      if (this.tree.committed > this.published.size)
        void this.publish(this.tree.committed, this.committed.note, this.committed.root).catch(() => void 0);
      throw new StorageFault(
        "log-storage-unreadable",
        `log entry ${index} is not published yet (published size ${this.published.size}): its high-water mark is being written again`
      );
    }
    const digest = rowDigest(entry);
    if (this.isChecked(index, digest)) return;
    let problem = this.bad.has(index) ? "it failed its check before" : entryProblem(entry, (k) => this.store.publicKey(k));
    if (!problem) {
      const size = this.published.size;
      let inTree = false;
      try {
        inTree = verifyInclusion(
          entry.leafHash,
          index,
          size,
          this.tree.inclusionProof(index, size),
          this.published.root
        );
      } catch {
        inTree = false;
      }
      if (!inTree) problem = `its leaf is not in the signed tree of size ${size}`;
    }
    if (problem) {
      this.bad.add(index);
      throw new StorageFault(
        "log-storage-inconsistent",
        `${this.store.path}: log entry ${index} is not served: ${problem}`
      );
    }
    this.markChecked(index, digest);
  }
  isChecked(index, digest) {
    const at = index * ROW_DIGEST_BYTES;
    return at + ROW_DIGEST_BYTES <= this.checked.length && equalBytes(this.checked.subarray(at, at + ROW_DIGEST_BYTES), digest);
  }
  markChecked(index, digest) {
    const at = index * ROW_DIGEST_BYTES;
    if (at + ROW_DIGEST_BYTES > this.checked.length) {
      const grown = new Uint8Array(Math.max(at + ROW_DIGEST_BYTES, this.checked.length * 2));
      grown.set(this.checked);
      this.checked = grown;
    }
    this.checked.set(digest, at);
  }
  /**
   * Read-only, for the tlog-tiles API (src/server/tiles.ts): the stored hashes of the complete
   * subtrees at tree `level` with indices [from, from + count), or undefined unless all of them
   * lie within the published tree. Published nodes are committed, so they are read from storage.
   */
  publishedNodes(level, from, count) {
    if ((from + count) * 2 ** level > this.published.size) return void 0;
    const out = [];
    for (let i = from; i < from + count; i++) {
      const hash = this.store.node(level, i);
      if (!hash)
        throw new StorageFault("log-storage-inconsistent", `the log storage has no tree node ${i} at level ${level}`);
      out.push(hash);
    }
    return out;
  }
};
var ROW_DIGEST_BYTES = 16;
function rowDigest(e) {
  const hash = createHash2("sha256");
  for (const field of [e.leafHash, e.statement, e.signature, e.certificate]) {
    hash.update(String(field.length)).update(":").update(field);
  }
  hash.update(
    JSON.stringify([e.keyId, e.stream, e.version, e.payloadDigest, e.primarySignatureDigest, e.identity, e.signedAt])
  );
  return new Uint8Array(hash.digest().subarray(0, ROW_DIGEST_BYTES));
}

// src/server/countersigner.ts
var overloaded = () => new Refusal(503, "overloaded", "too many requests are waiting to be verified; retry later");
var Countersigner = class {
  policy;
  signer;
  log;
  verifiers;
  now;
  /** Versions being signed (not yet handed to the log's append), per stream. */
  reserved = /* @__PURE__ */ new Map();
  autoRotations;
  constructor(options) {
    this.policy = options.policy;
    this.signer = options.signer;
    this.log = options.log;
    this.verifiers = options.verifiers;
    this.autoRotations = options.unsafeAutoCountersignRotationsKeepingB === true;
    this.now = options.now ?? (() => /* @__PURE__ */ new Date());
  }
  /** Requests being signed and appended. */
  get signing() {
    let n = 0;
    for (const list of this.reserved.values()) n += list.length;
    return n;
  }
  async countersign(body) {
    const started = performance.now();
    const parsed = this.screen(body);
    await this.log.catchUp();
    const replay = this.findReplay(parsed.payloadDigest, parsed.primarySignatureDigest);
    if (replay) return this.replayed(replay, started, "screened");
    const pending = this.pendingSame(parsed.stream, parsed.payloadDigest, parsed.primarySignatureDigest);
    if (pending) return this.afterPending(pending, parsed, started);
    const early = this.versionConflict(parsed.stream, parsed.version, parsed.payloadDigest);
    if (early) throw early;
    if (this.verifiers.full) throw overloaded();
    this.screenIdentity(parsed.leaf);
    const now = this.now();
    const last = this.log.pendingOrStoredVersion(parsed.stream);
    const answer = this.verifiers.verify({
      body,
      now: now.getTime(),
      ...last ? { last: { stream: parsed.stream, version: last.version, payloadDigest: last.payloadDigest } } : {}
    });
    if (!answer) throw overloaded();
    const verified = await answer;
    if (!verified.ok) {
      if (verified.error === "VerificationError") throw new VerificationError(carried(verified.code), verified.message);
      throw new InputError(verified.code, verified.message);
    }
    const payloadDigest = sha256Hex(verified.primary.payload);
    const primarySignatureDigest = sha256Hex(verified.primary.signature);
    const again = this.findReplay(payloadDigest, primarySignatureDigest);
    if (again) return this.replayed(again, started, "verified");
    const inFlight = this.pendingSame(verified.stream, payloadDigest, primarySignatureDigest);
    if (inFlight) return this.afterPending(inFlight, parsed, started);
    const conflict = this.versionConflict(verified.stream, verified.version, payloadDigest);
    if (conflict) throw conflict;
    let release;
    const reservation = {
      version: verified.version,
      payloadDigest,
      primarySignatureDigest,
      done: new Promise((resolve) => release = resolve)
    };
    const list = this.reserved.get(verified.stream) ?? [];
    list.push(reservation);
    this.reserved.set(verified.stream, list);
    try {
      const countersignature = await signVerified({ ...verified, now }, this.signer);
      const statementBytes = new Uint8Array(Buffer.from(countersignature.statement, "base64"));
      const statement = parseCountersignatureStatement(statementBytes, "new countersignature");
      const signature = new Uint8Array(Buffer.from(countersignature.signature, "base64"));
      const appended = await this.appendOrFind({
        statement: statementBytes,
        signature,
        keyId: countersignature.keyId,
        stream: verified.stream,
        version: verified.version,
        payloadDigest: statement.payloadDigest.sha256,
        primarySignatureDigest: statement.primarySignatureDigest.sha256,
        certificate: verified.primary.certificate,
        identity: verified.identity,
        signedAt: statement.signedAt
      });
      if (typeof appended !== "number") return this.replayed(appended, started, "verified");
      const index = appended;
      return {
        response: {
          countersignature: this.withProof({
            index,
            keyId: countersignature.keyId,
            statement: statementBytes,
            signature
          }),
          replayed: false
        },
        stream: verified.stream,
        version: verified.version,
        logIndex: index,
        signingMs: performance.now() - started,
        stage: "verified"
      };
    } finally {
      const remaining = (this.reserved.get(verified.stream) ?? []).filter((r) => r !== reservation);
      if (remaining.length) this.reserved.set(verified.stream, remaining);
      else this.reserved.delete(verified.stream);
      release(void 0);
    }
  }
  /**
   * The pipeline's parse step (the same code and codes), the rotation screen, and the digests
   * and leaf certificate the next cheap checks read. Throws a refusal.
   */
  screen(body) {
    const parsed = parse(body, this.policy, "request body");
    const primary = parsed.bundle.bundle.primary;
    const rotation = rotationTargetOfSafe(primary, this.policy);
    if (rotation) this.screenRotation(rotation);
    const sig = primary.dsseEnvelope?.signatures?.[0]?.sig;
    const sigBytes = typeof sig === "string" ? Buffer.from(sig, "base64") : new Uint8Array();
    const vm = primary.verificationMaterial;
    const leafText = vm?.certificate?.rawBytes ?? vm?.x509CertificateChain?.certificates?.[0]?.rawBytes;
    return {
      stream: parsed.statement.predicate.stream,
      version: parsed.statement.predicate.version,
      payloadDigest: parsed.statementDigest,
      primarySignatureDigest: sha256Hex(sigBytes),
      leaf: typeof leafText === "string" ? decodeCanonicalBase64(leafText) : void 0
    };
  }
  /**
   * The signer read from the leaf certificate (nothing verified yet) compared with the policy:
   * a certificate for another identity is refused here with the code the full verification
   * would give (primary-identity, primary-issuer, ...). A leaf that cannot be read is left to
   * the full verification, which refuses it with its proper code. What passes is verified in full.
   */
  screenIdentity(leaf) {
    if (!leaf) return;
    let signer;
    try {
      signer = signerFromCertificate(leaf);
    } catch {
      return;
    }
    checkPrimaryIdentity(signer, this.policy.primary);
  }
  /**
   * Refuses an authority rotation unless the unsafe opt-in is on, from the statement alone (its
   * version and the carried document's digest; the new policy is not parsed). Under the opt-in,
   * whether the rotation keeps B in control is decided on the verified document only
   * (verifyForCountersigning's approval, after the Sigstore verification): reading the new
   * policy is work an unsigned request must not cause (issue 13 F2).
   */
  screenRotation(rotation) {
    const target = `an authority rotation to policy version ${rotation.version} (sha256:${rotation.digest})`;
    if (!this.autoRotations)
      throw new Refusal(403, "rotation-needs-review", `this service does not countersign ${target}: ${REVIEW_HINT}`);
  }
  /**
   * A version this service will not countersign for the stream: older than the last one it
   * countersigned, is committing or is signing (statement-rollback), or the same version for
   * another statement (statement-version-reused). The same version for the same statement is
   * a re-run (a new primary over the same statement bytes) and is countersigned again.
   */
  versionConflict(stream, version, payloadDigest) {
    let last = this.log.pendingOrStoredVersion(stream);
    for (const r of this.reserved.get(stream) ?? []) if (!last || r.version > last.version) last = r;
    if (!last || version > last.version) return void 0;
    const where = last.index === void 0 ? "being committed" : `log index ${last.index}`;
    if (version < last.version)
      return new Refusal(
        409,
        "statement-rollback",
        `version ${version} of ${stream} is older than version ${last.version}, which this service already countersigned (${where})`
      );
    if (payloadDigest !== last.payloadDigest)
      return new Refusal(
        409,
        carried("statement-version-reused"),
        `version ${version} of ${stream} was already countersigned (${where}) for another statement`
      );
    return void 0;
  }
  /**
   * Appends; when another instance appended the same primary meanwhile (a client retrying on
   * another instance), this countersignature is dropped unanswered and the logged one is the answer.
   */
  async appendOrFind(entry) {
    try {
      return await this.log.append(entry);
    } catch (err) {
      if (!(err instanceof AlreadyInLog)) throw err;
      const logged = this.findReplay(entry.payloadDigest, entry.primarySignatureDigest);
      if (!logged) throw err;
      return logged;
    }
  }
  /** The entry already logged for this exact primary (payload and signature), if any. */
  findReplay(payloadDigest, primarySignatureDigest) {
    const entry = this.log.store.findByPrimary(payloadDigest, primarySignatureDigest);
    return entry && entry.keyId === this.signer.keyId ? entry : void 0;
  }
  pendingSame(stream, payloadDigest, primarySignatureDigest) {
    return (this.reserved.get(stream) ?? []).find(
      (r) => r.payloadDigest === payloadDigest && r.primarySignatureDigest === primarySignatureDigest
    );
  }
  /** The same primary is being committed by another request: its answer, once committed (or this request's own verification if it failed). */
  async afterPending(pending, parsed, started) {
    await pending.done;
    const entry = this.findReplay(parsed.payloadDigest, parsed.primarySignatureDigest);
    if (!entry) throw new Refusal(503, "overloaded", "the same request is being countersigned and failed; retry later");
    return this.replayed(entry, started, "screened");
  }
  replayed(entry, started, stage) {
    return {
      response: { countersignature: this.withProof(entry), replayed: true },
      stream: entry.stream,
      version: entry.version,
      logIndex: entry.index,
      signingMs: performance.now() - started,
      stage
    };
  }
  withProof(entry) {
    const treeSize = this.log.size;
    const logProof = {
      logIndex: entry.index,
      treeSize,
      hashes: this.log.inclusionProof(entry.index, treeSize).map((h) => Buffer.from(h).toString("base64")),
      checkpoint: this.log.checkpoint
    };
    return {
      keyId: entry.keyId,
      statement: Buffer.from(entry.statement).toString("base64"),
      signature: Buffer.from(entry.signature).toString("base64"),
      logProof
    };
  }
};
function rotationTargetOfSafe(primary, policy) {
  try {
    return rotationTargetOf(primary, policy, "request body");
  } catch {
    return void 0;
  }
}

// src/server/metrics.ts
var LATENCY_BUCKETS = [5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
var Metrics = class {
  requests = /* @__PURE__ */ new Map();
  refusals = /* @__PURE__ */ new Map();
  buckets = LATENCY_BUCKETS.map(() => 0);
  latencyCount = 0;
  latencySum = 0;
  request(endpoint, outcome) {
    const key2 = `endpoint="${endpoint}",outcome="${outcome}"`;
    this.requests.set(key2, (this.requests.get(key2) ?? 0) + 1);
  }
  refusal(code) {
    const key2 = `code="${code.replace(/[^a-z0-9-]/g, "_")}"`;
    this.refusals.set(key2, (this.refusals.get(key2) ?? 0) + 1);
  }
  signingLatency(seconds) {
    this.latencyCount += 1;
    this.latencySum += seconds;
    LATENCY_BUCKETS.forEach((b, i) => {
      if (seconds <= b) this.buckets[i] = (this.buckets[i] ?? 0) + 1;
    });
  }
  render(gauges) {
    const lines = [
      "# HELP countersign_requests_total HTTP requests by endpoint and outcome (countersigned, replayed, refused, error, ok).",
      "# TYPE countersign_requests_total counter",
      ...[...this.requests].map(([k, v]) => `countersign_requests_total{${k}} ${v}`),
      "# HELP countersign_refusals_total Countersigning requests refused, by error code.",
      "# TYPE countersign_refusals_total counter",
      ...[...this.refusals].map(([k, v]) => `countersign_refusals_total{${k}} ${v}`),
      "# HELP countersign_log_size Entries in the transparency log (its tree size).",
      "# TYPE countersign_log_size gauge",
      `countersign_log_size ${gauges.logSize}`,
      "# HELP countersign_queued_requests Countersigning requests waiting for a verification worker.",
      "# TYPE countersign_queued_requests gauge",
      `countersign_queued_requests ${gauges.queued}`,
      "# HELP countersign_verifying_requests Countersigning requests being verified.",
      "# TYPE countersign_verifying_requests gauge",
      `countersign_verifying_requests ${gauges.verifying}`,
      "# HELP countersign_signing_requests Countersigning requests being signed and committed.",
      "# TYPE countersign_signing_requests gauge",
      `countersign_signing_requests ${gauges.signing}`,
      "# HELP countersign_verification_workers Verification worker threads (0: verification on the main thread).",
      "# TYPE countersign_verification_workers gauge",
      `countersign_verification_workers ${gauges.workers}`,
      "# HELP countersign_worker_crashes_total Verification workers that died and were replaced.",
      "# TYPE countersign_worker_crashes_total counter",
      `countersign_worker_crashes_total ${gauges.workerCrashes}`,
      "# HELP countersign_signing_seconds Time to verify, countersign and durably log one request.",
      "# TYPE countersign_signing_seconds histogram",
      ...LATENCY_BUCKETS.map((b, i) => `countersign_signing_seconds_bucket{le="${b}"} ${this.buckets[i]}`),
      `countersign_signing_seconds_bucket{le="+Inf"} ${this.latencyCount}`,
      `countersign_signing_seconds_sum ${this.latencySum}`,
      `countersign_signing_seconds_count ${this.latencyCount}`
    ];
    return `${lines.join("\n")}
`;
  }
};

// src/server/rate-limit.ts
var RateLimiter = class {
  options;
  buckets = /* @__PURE__ */ new Map();
  clock;
  constructor(options, clock = () => performance.now()) {
    this.options = { maxClients: 1e4, ...options };
    this.clock = clock;
  }
  get enabled() {
    return this.options.perSecond > 0;
  }
  /** Takes one token for `client`: undefined if allowed, else the seconds until one is available. */
  take(client) {
    if (!this.enabled) return void 0;
    const { perSecond, burst } = this.options;
    const now = this.clock();
    const bucket = this.buckets.get(client);
    const tokens = bucket ? Math.min(burst, bucket.tokens + (now - bucket.at) / 1e3 * perSecond) : burst;
    if (tokens < 1) {
      if (bucket) {
        bucket.tokens = tokens;
        bucket.at = now;
      }
      return Math.max(1, Math.ceil((1 - tokens) / perSecond));
    }
    if (!bucket && this.buckets.size >= this.options.maxClients) this.evict();
    this.buckets.delete(client);
    this.buckets.set(client, { tokens: tokens - 1, at: now });
    return void 0;
  }
  /** Drops the least recently active client (the map keeps that order): it starts with a full bucket if it returns. */
  evict() {
    const oldest = this.buckets.keys().next();
    if (!oldest.done) this.buckets.delete(oldest.value);
  }
};

// src/server/tiles.ts
var TILE_WIDTH = 256;
var MAX_TILE_LEVEL = 6;
var MAX_INDEX_ELEMENTS = 5;
var MAX_BUNDLE_ENTRY_BYTES = 65535;
var FULL_TILE_CACHE = "public, max-age=31536000, immutable";
var PARTIAL_TILE_CACHE = "public, max-age=60";
function parseTilePath(path) {
  if (!path.startsWith("/tile/")) return void 0;
  const parts = path.slice("/tile/".length).split("/");
  const first = parts.shift();
  let level;
  if (first === "entries") level = "entries";
  else if (first !== void 0 && /^(0|[1-9][0-9]?)$/.test(first) && Number(first) <= 63) level = Number(first);
  else return void 0;
  let width = TILE_WIDTH;
  const last = parts.at(-1);
  if (parts.length >= 2 && parts.at(-2)?.endsWith(".p")) {
    if (last === void 0 || !/^[1-9][0-9]{0,2}$/.test(last) || Number(last) > 255) return void 0;
    width = Number(last);
    parts.pop();
    const n = parts.pop();
    if (n === void 0) return void 0;
    parts.push(n.slice(0, -".p".length));
  }
  if (parts.length === 0 || parts.length > MAX_INDEX_ELEMENTS) return void 0;
  let index = 0;
  for (const [i, element] of parts.entries()) {
    const isLast = i === parts.length - 1;
    const m = (isLast ? /^([0-9]{3})$/ : /^x([0-9]{3})$/).exec(element);
    if (!m?.[1]) return void 0;
    if (i === 0 && parts.length > 1 && m[1] === "000") return void 0;
    index = index * 1e3 + Number(m[1]);
  }
  return { level, index, width };
}
function tileReply(path, log) {
  const tile = parseTilePath(path);
  const notFound = (why) => {
    throw new Refusal(404, "not-found", why);
  };
  if (!tile) return notFound(`no such tile path ${path.slice(0, 100)}`);
  const start = tile.index * TILE_WIDTH;
  let body;
  if (tile.level === "entries") {
    if (start + tile.width > log.size)
      return notFound(`entry bundle ${path}: the published tree has ${log.size} entries`);
    body = entryBundle(log.store.entries(start, start + tile.width).map((e) => e.statement));
  } else {
    if (tile.level > MAX_TILE_LEVEL) return notFound(`tile ${path}: no tile of level ${tile.level} can exist`);
    const hashes = log.publishedNodes(8 * tile.level, start, tile.width);
    if (!hashes) return notFound(`tile ${path}: beyond the published tree of size ${log.size}`);
    body = Buffer.concat(hashes);
  }
  return {
    status: 200,
    contentType: "application/octet-stream",
    body,
    cacheControl: tile.width === TILE_WIDTH ? FULL_TILE_CACHE : PARTIAL_TILE_CACHE
  };
}
function entryBundle(entries) {
  const parts = [];
  for (const e of entries) {
    if (e.length > MAX_BUNDLE_ENTRY_BYTES) throw new Error(`a log entry of ${e.length} bytes does not fit a bundle`);
    parts.push(new Uint8Array([e.length >> 8, e.length & 255]), e);
  }
  return Buffer.concat(parts);
}
var TILES_CHECKPOINT = "/checkpoint";

// src/server/routes.ts
var json = (status, value, log) => ({
  status,
  contentType: "application/json",
  body: `${JSON.stringify(value)}
`,
  ...log ? { log } : {}
});
function keyDescription(log, logPublicKeyPem, countersignerKeyId, countersignerPublicKeyPem) {
  return {
    origin: log.origin,
    verifierKey: verifierKey(log.origin, log.signer.rawPublicKey),
    logPublicKey: logPublicKeyPem,
    countersignerKeyId,
    countersignerPublicKey: countersignerPublicKeyPem
  };
}
async function route(req, url, ctx) {
  const { log } = ctx;
  const path = url.pathname;
  const method = req.method ?? "GET";
  const only = (m) => {
    if (method !== m) throw new Refusal(405, "method-not-allowed", `${path} accepts ${m} only, found ${method}`);
  };
  if (method === "GET" && path !== API.health && path !== API.metrics && path !== API.key) await log.catchUp();
  switch (path) {
    case API.countersign: {
      only("POST");
      const wait = ctx.limiter.take(clientOf(req, ctx.clientHeader));
      if (wait !== void 0) {
        await readBody(req, MAX_REQUEST_BYTES).catch(() => void 0);
        throw new Refusal(429, "rate-limited", `too many requests from this client; retry in ${wait} s`, wait);
      }
      const [contentType = ""] = (req.headers["content-type"] ?? "").split(";");
      const type = contentType.trim().toLowerCase();
      if (type !== "application/json")
        throw new Refusal(
          415,
          "unsupported-media-type",
          `expected Content-Type application/json, found ${JSON.stringify(type || "none")}`
        );
      const body = await readBody(req, MAX_REQUEST_BYTES);
      const outcome = await ctx.countersigner.countersign(body);
      ctx.metrics.signingLatency(outcome.signingMs / 1e3);
      if (ctx.witnessing)
        outcome.response = {
          ...outcome.response,
          countersignature: await ctx.witnessing.withCosignatures(outcome.response.countersignature)
        };
      return json(200, outcome.response, {
        outcome: outcome.response.replayed ? "replayed" : "countersigned",
        stream: outcome.stream,
        version: outcome.version,
        logIndex: outcome.logIndex,
        bodySha256: sha256Hex(body),
        stage: outcome.stage
      });
    }
    case API.checkpoint:
    case TILES_CHECKPOINT:
      only("GET");
      return {
        status: 200,
        contentType: "text/plain; charset=utf-8",
        body: ctx.witnessing?.checkpoint() ?? log.checkpoint
      };
    case API.entries: {
      only("GET");
      const start = integerParam(url, "start");
      const asked = integerParam(url, "end", start + MAX_ENTRIES_PER_PAGE);
      const end = Math.min(asked, start + MAX_ENTRIES_PER_PAGE, log.size);
      if (start > log.size) throw new Refusal(400, "bad-range", `start ${start} is beyond the log size ${log.size}`);
      const entries = end <= start ? [] : log.store.entries(start, end).map((e) => ({
        index: e.index,
        statement: b64(e.statement),
        signature: b64(e.signature),
        certificate: b64(e.certificate)
      }));
      return {
        ...json(200, { entries }),
        immutable: url.searchParams.has("end") && end === asked
      };
    }
    case API.inclusion: {
      only("GET");
      const index = integerParam(url, "index");
      const size = integerParam(url, "size", log.size);
      if (size > log.size || index >= size)
        throw new Refusal(400, "bad-range", `expected index < size <= ${log.size}, found index ${index}, size ${size}`);
      return {
        ...json(200, { index, treeSize: size, hashes: log.inclusionProof(index, size).map(b64) }),
        immutable: url.searchParams.has("size")
      };
    }
    case API.consistency: {
      only("GET");
      const from = integerParam(url, "from");
      const to = integerParam(url, "to", log.size);
      if (to > log.size || from > to)
        throw new Refusal(400, "bad-range", `expected from <= to <= ${log.size}, found from ${from}, to ${to}`);
      return {
        ...json(200, { from, to, hashes: log.consistencyProof(from, to).map(b64) }),
        immutable: url.searchParams.has("to")
      };
    }
    case API.key:
      only("GET");
      return json(200, ctx.key);
    case API.health:
      only("GET");
      return json(200, { status: "ok", origin: log.origin, treeSize: log.size });
    case API.metrics:
      only("GET");
      return {
        status: 200,
        contentType: "text/plain; version=0.0.4",
        body: ctx.metrics.render({
          logSize: log.size,
          queued: ctx.verifiers.queued,
          verifying: ctx.verifiers.running,
          signing: ctx.countersigner.signing,
          workers: ctx.verifiers.workers,
          workerCrashes: ctx.verifiers.crashes
        })
      };
    default:
      if (path.startsWith("/tile/")) {
        only("GET");
        return tileReply(path, log);
      }
      throw new Refusal(404, "not-found", `no such endpoint ${path.slice(0, 100)}`);
  }
}
var DRAIN_FACTOR = 8;
function clientOf(req, header) {
  if (header !== void 0) {
    const value = req.headers[header];
    const first = Array.isArray(value) ? value[0] : value;
    if (first) return `h:${first.slice(0, 256)}`;
  }
  return `a:${req.socket.remoteAddress ?? "unknown"}`;
}
function b64(bytes) {
  return Buffer.from(bytes).toString("base64");
}
function integerParam(url, name, fallback) {
  const value = url.searchParams.get(name);
  if (value === null) {
    if (fallback !== void 0) return fallback;
    throw new Refusal(400, "bad-request", `missing query parameter ${name}`);
  }
  if (!/^(0|[1-9][0-9]{0,15})$/.test(value) || !Number.isSafeInteger(Number(value)))
    throw new Refusal(
      400,
      "bad-request",
      `query parameter ${name}: expected a non-negative integer, found ${JSON.stringify(value.slice(0, 20))}`
    );
  return Number(value);
}
async function readBody(req, max) {
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (Number.isFinite(declared) && declared > max * DRAIN_FACTOR)
    throw new Refusal(413, "too-large", `request body of ${declared} bytes is over the limit of ${max} bytes`);
  const chunks = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += chunk.length;
      if (size > max * DRAIN_FACTOR) break;
      if (size <= max) chunks.push(chunk);
    }
  } catch {
    throw new Refusal(400, "bad-request", "the request body was cut off before its end");
  }
  if (size > max) throw new Refusal(413, "too-large", `request body is over the limit of ${max} bytes`);
  return new Uint8Array(Buffer.concat(chunks));
}

// src/server/store.ts
import { DatabaseSync as DatabaseSync2 } from "node:sqlite";
import { mkdir } from "node:fs/promises";
import { join as join3 } from "node:path";

// src/server/storage/lock.ts
import { DatabaseSync } from "node:sqlite";
import { join as join2 } from "node:path";
var LOCK_FILE = "countersign.lock";
var DataDirLock = class _DataDirLock {
  db;
  constructor(db) {
    this.db = db;
  }
  /** Takes the lock on `dataDir` or throws InputError('log-storage-locked'), without waiting. */
  static take(dataDir) {
    const path = join2(dataDir, LOCK_FILE);
    let db;
    try {
      db = new DatabaseSync(path, { timeout: 0 });
      db.exec("PRAGMA locking_mode = EXCLUSIVE");
      db.exec("BEGIN EXCLUSIVE");
      db.exec("CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER, since TEXT)");
      db.prepare("INSERT OR REPLACE INTO holder (id, pid, since) VALUES (1, ?, ?)").run(
        process.pid,
        (/* @__PURE__ */ new Date()).toISOString()
      );
      db.exec("COMMIT");
      return new _DataDirLock(db);
    } catch (err) {
      try {
        db?.close();
      } catch {
      }
      const mapped = storageError(err, path);
      if (mapped instanceof InputError && mapped.code === "log-storage-locked")
        throw new InputError(
          "log-storage-locked",
          `${dataDir}: another countersign server is using this data directory (its lock ${LOCK_FILE} is held); stop it first, one server per --data`
        );
      throw mapped;
    }
  }
  release() {
    if (this.db.isOpen) this.db.close();
  }
};

// src/server/storage/entry-row.ts
function entryFromRow(r) {
  const bytes = (v) => new Uint8Array(v);
  return {
    index: Number(r.idx),
    leafHash: bytes(r.leaf_hash),
    statement: bytes(r.statement),
    signature: bytes(r.signature),
    keyId: String(r.key_id),
    stream: String(r.stream),
    version: Number(r.version),
    payloadDigest: String(r.payload_digest),
    primarySignatureDigest: String(r.primary_signature_digest),
    certificate: bytes(r.certificate),
    identity: String(r.identity),
    signedAt: String(r.signed_at)
  };
}

// src/server/store.ts
var DATABASE_FILE = "countersign-log.sqlite";
var SCHEMA = `
CREATE TABLE IF NOT EXISTS entries (
  idx INTEGER PRIMARY KEY,
  leaf_hash BLOB NOT NULL,
  statement BLOB NOT NULL,
  signature BLOB NOT NULL,
  key_id TEXT NOT NULL,
  stream TEXT NOT NULL,
  version INTEGER NOT NULL,
  payload_digest TEXT NOT NULL,
  primary_signature_digest TEXT NOT NULL,
  certificate BLOB NOT NULL,
  identity TEXT NOT NULL,
  signed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS nodes (level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY (level, idx)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS streams (stream TEXT PRIMARY KEY, version INTEGER NOT NULL, idx INTEGER NOT NULL, payload_digest TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), size INTEGER NOT NULL, note TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS keys (key_id TEXT PRIMARY KEY, public_key BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
var ENTRY_INDEXES = `
CREATE INDEX IF NOT EXISTS entries_by_primary ON entries (payload_digest, primary_signature_digest);
CREATE INDEX IF NOT EXISTS entries_by_stream_version ON entries (stream, version);
CREATE TRIGGER IF NOT EXISTS entries_one_statement_per_version BEFORE INSERT ON entries
WHEN EXISTS (SELECT 1 FROM entries WHERE stream = NEW.stream AND version = NEW.version AND payload_digest <> NEW.payload_digest)
BEGIN SELECT RAISE(ABORT, 'one statement per stream version: this version of the stream was countersigned for another statement'); END;
CREATE TRIGGER IF NOT EXISTS entries_one_statement_per_version_update BEFORE UPDATE OF stream, version, payload_digest ON entries
WHEN EXISTS (SELECT 1 FROM entries WHERE stream = NEW.stream AND version = NEW.version AND payload_digest <> NEW.payload_digest AND idx <> NEW.idx)
BEGIN SELECT RAISE(ABORT, 'one statement per stream version: this version of the stream was countersigned for another statement'); END;
`;
var ENTRY_COLUMNS = "idx, leaf_hash, statement, signature, key_id, stream, version, payload_digest, primary_signature_digest, certificate, identity, signed_at";
var LogStore = class _LogStore {
  path;
  dataDir;
  db;
  lock;
  guard = () => {
    throw new Error("the log is not open: no entry is served before its checks are installed");
  };
  insertEntry;
  insertNode;
  upsertStream;
  upsertCheckpoint;
  selectRange;
  selectByPrimary;
  selectLeaf;
  selectNode;
  constructor(dataDir, lock, db) {
    this.dataDir = dataDir;
    this.path = join3(dataDir, DATABASE_FILE);
    this.lock = lock;
    this.db = db;
    this.db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
    this.db.exec(SCHEMA);
    this.upgradeEntriesTable();
    this.db.exec(ENTRY_INDEXES);
    const columns = this.db.prepare("PRAGMA table_info(checkpoint)").all().map((r) => String(r.name));
    if (!columns.includes("state")) this.db.exec("ALTER TABLE checkpoint ADD COLUMN state TEXT");
    this.insertEntry = this.db.prepare(
      `INSERT INTO entries (idx, leaf_hash, statement, signature, key_id, stream, version, payload_digest, primary_signature_digest, certificate, identity, signed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    );
    this.insertNode = this.db.prepare("INSERT OR REPLACE INTO nodes (level, idx, hash) VALUES (?, ?, ?)");
    this.upsertStream = this.db.prepare(
      "INSERT INTO streams (stream, version, idx, payload_digest) VALUES (?, ?, ?, ?) ON CONFLICT (stream) DO UPDATE SET version = excluded.version, idx = excluded.idx, payload_digest = excluded.payload_digest"
    );
    this.upsertCheckpoint = this.db.prepare(
      "INSERT INTO checkpoint (id, size, note, state) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET size = excluded.size, note = excluded.note, state = excluded.state"
    );
    this.selectRange = this.db.prepare("SELECT * FROM entries WHERE idx >= ? AND idx < ? ORDER BY idx");
    this.selectByPrimary = this.db.prepare(
      "SELECT * FROM entries WHERE payload_digest = ? AND primary_signature_digest = ?"
    );
    this.selectLeaf = this.db.prepare("SELECT leaf_hash FROM entries WHERE idx = ?");
    this.selectNode = this.db.prepare("SELECT hash FROM nodes WHERE level = ? AND idx = ?");
  }
  /**
   * Creates the directory (mode 0700) if missing, takes its exclusive lock and opens the
   * database. Failures are one-line InputErrors: `log-storage-locked`, `log-storage-unreadable`,
   * `disk-full`, `log-storage-inconsistent` (a damaged database file).
   */
  static async open(dataDir) {
    try {
      await mkdir(dataDir, { recursive: true, mode: 448 });
    } catch (err) {
      throw storageError(err, dataDir);
    }
    const lock = DataDirLock.take(dataDir);
    let db;
    try {
      db = new DatabaseSync2(join3(dataDir, DATABASE_FILE));
      return new _LogStore(dataDir, lock, db);
    } catch (err) {
      try {
        db?.close();
      } finally {
        lock.release();
      }
      throw storageError(err, join3(dataDir, DATABASE_FILE));
    }
  }
  close() {
    try {
      if (this.db.isOpen) this.db.close();
    } finally {
      this.lock.release();
    }
  }
  /**
   * Logs made before re-runs were countersigned have UNIQUE (stream, version) on `entries`,
   * which refuses a re-run's entry (the same statement again). SQLite cannot drop a table
   * constraint: the table is rebuilt once, in one transaction (its rows copied as they are),
   * and the trigger of ENTRY_INDEXES takes the constraint's place (one statement per version).
   */
  upgradeEntriesTable() {
    const row = this.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'entries'").get();
    if (!row || !/UNIQUE\s*\(\s*stream\s*,\s*version\s*\)/i.test(String(row.sql))) return;
    const create = /CREATE TABLE IF NOT EXISTS entries \(([^;]*?)\);/.exec(SCHEMA)?.[1];
    if (create === void 0) throw new Error("the entries table definition is missing");
    this.db.exec("BEGIN IMMEDIATE");
    try {
      this.db.exec(`CREATE TABLE entries_rerun (${create})`);
      this.db.exec(`INSERT INTO entries_rerun (${ENTRY_COLUMNS}) SELECT ${ENTRY_COLUMNS} FROM entries`);
      this.db.exec("DROP TABLE entries");
      this.db.exec("ALTER TABLE entries_rerun RENAME TO entries");
      this.db.exec("COMMIT");
    } catch (err) {
      if (this.db.isTransaction) this.db.exec("ROLLBACK");
      throw err;
    }
  }
  /** Installs the check every entry passes before it is handed out (the log does, at open). */
  setGuard(guard) {
    this.guard = guard;
  }
  meta(name) {
    const row = this.db.prepare("SELECT value FROM meta WHERE name = ?").get(name);
    return row ? String(row.value) : void 0;
  }
  setMeta(name, value) {
    this.db.prepare("INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value").run(name, value);
  }
  /** How many entry rows there are and the largest index (dense: count = max + 1). */
  entryCount() {
    const row = this.db.prepare("SELECT COUNT(*) AS n, MAX(idx) AS m FROM entries").get();
    return { count: Number(row.n), maxIndex: row.m === null ? -1 : Number(row.m) };
  }
  /** A stored tree node: level 0 is an entry's leaf hash. */
  node(level, index) {
    const row = level === 0 ? this.selectLeaf.get(index) : this.selectNode.get(level, index);
    if (!row) return void 0;
    return new Uint8Array(level === 0 ? row.leaf_hash : row.hash);
  }
  /** Entries as stored, unchecked (the log's own checks and upgrades only). */
  rawEntries(start, end) {
    return this.selectRange.all(start, end).map(entryFromRow);
  }
  /** Entries [start, end), each checked by the guard first (throws rather than serve a bad one). */
  entries(start, end) {
    const rows = this.rawEntries(start, end);
    for (const e of rows) this.guard(e);
    return rows;
  }
  /** The entry of this exact primary as stored, unchecked (the log's own sequencing only: never served). */
  findByPrimaryUnchecked(payloadDigest, primarySignatureDigest) {
    const row = this.selectByPrimary.get(payloadDigest, primarySignatureDigest);
    return row ? entryFromRow(row) : void 0;
  }
  findByPrimary(payloadDigest, primarySignatureDigest) {
    const row = this.selectByPrimary.get(payloadDigest, primarySignatureDigest);
    if (!row) return void 0;
    const entry = entryFromRow(row);
    this.guard(entry);
    return entry;
  }
  /** The last version countersigned per stream (the `streams` table; the log checks it against its signed note at open). */
  latestPerStream() {
    const rows = this.db.prepare("SELECT stream, version, idx, payload_digest FROM streams").all();
    return new Map(
      rows.map((r) => [
        String(r.stream),
        { version: Number(r.version), payloadDigest: String(r.payload_digest), index: Number(r.idx) }
      ])
    );
  }
  checkpoint() {
    const row = this.db.prepare("SELECT size, note, state FROM checkpoint WHERE id = 1").get();
    if (!row) return void 0;
    return {
      size: Number(row.size),
      note: String(row.note),
      state: typeof row.state === "string" ? row.state : void 0
    };
  }
  /** A countersigning key, if stored and its key id is its digest (a damaged row is no key). */
  publicKey(keyId) {
    const row = this.db.prepare("SELECT public_key FROM keys WHERE key_id = ?").get(keyId);
    if (!row) return void 0;
    const raw = new Uint8Array(row.public_key);
    return raw.length === 32 && keyIdOf(raw) === keyId ? raw : void 0;
  }
  addPublicKey(rawPublicKey) {
    this.db.prepare("INSERT OR REPLACE INTO keys (key_id, public_key) VALUES (?, ?)").run(keyIdOf(rawPublicKey), rawPublicKey);
  }
  /** Writes one batch in one durable transaction (see the header); all of it or nothing. */
  commit(batch) {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      for (const e of batch.entries) {
        this.insertEntry.run(
          e.index,
          e.leafHash,
          e.statement,
          e.signature,
          e.keyId,
          e.stream,
          e.version,
          e.payloadDigest,
          e.primarySignatureDigest,
          e.certificate,
          e.identity,
          e.signedAt
        );
      }
      for (const n of batch.nodes) if (n.level > 0) this.insertNode.run(n.level, n.index, n.hash);
      for (const [stream, head] of batch.streams)
        this.upsertStream.run(stream, head.version, head.index, head.payloadDigest);
      this.upsertCheckpoint.run(batch.checkpoint.size, batch.checkpoint.note, batch.checkpoint.state);
      this.db.exec("COMMIT");
    } catch (err) {
      if (this.db.isTransaction) this.db.exec("ROLLBACK");
      throw err;
    }
  }
  /** Replaces the stream heads (a log upgraded from before the `streams` table). */
  replaceStreams(streams) {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      this.db.exec("DELETE FROM streams");
      for (const [stream, head] of streams) this.upsertStream.run(stream, head.version, head.index, head.payloadDigest);
      this.db.exec("COMMIT");
    } catch (err) {
      if (this.db.isTransaction) this.db.exec("ROLLBACK");
      throw err;
    }
  }
  /** Stores tree nodes (upgrades only; commits store theirs in `commit`). */
  saveNodes(nodes) {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      for (const n of nodes) if (n.level > 0) this.insertNode.run(n.level, n.index, n.hash);
      this.db.exec("COMMIT");
    } catch (err) {
      if (this.db.isTransaction) this.db.exec("ROLLBACK");
      throw err;
    }
  }
  saveCheckpoint(size, note, state) {
    this.upsertCheckpoint.run(size, note, state);
  }
};

// node_modules/pg/esm/index.mjs
var import_lib = __toESM(require_lib2(), 1);
var Client = import_lib.default.Client;
var Pool = import_lib.default.Pool;
var Connection = import_lib.default.Connection;
var types = import_lib.default.types;
var Query = import_lib.default.Query;
var DatabaseError = import_lib.default.DatabaseError;
var escapeIdentifier = import_lib.default.escapeIdentifier;
var escapeLiteral = import_lib.default.escapeLiteral;
var Result = import_lib.default.Result;
var TypeOverrides = import_lib.default.TypeOverrides;
var defaults = import_lib.default.defaults;
var esm_default = import_lib.default;

// src/server/storage/postgres.ts
var WRITE_LOCK_KEY = 109330362692723;
var SCHEMA2 = `
CREATE TABLE IF NOT EXISTS countersign_stream_versions (
  stream TEXT NOT NULL,
  version BIGINT NOT NULL,
  payload_digest TEXT NOT NULL,
  PRIMARY KEY (stream, version),
  UNIQUE (stream, version, payload_digest)
);
CREATE TABLE IF NOT EXISTS countersign_entries (
  idx BIGINT PRIMARY KEY CHECK (idx >= 0),
  leaf_hash BYTEA NOT NULL,
  statement BYTEA NOT NULL,
  signature BYTEA NOT NULL,
  key_id TEXT NOT NULL,
  stream TEXT NOT NULL,
  version BIGINT NOT NULL,
  payload_digest TEXT NOT NULL,
  primary_signature_digest TEXT NOT NULL,
  certificate BYTEA NOT NULL,
  identity TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  FOREIGN KEY (stream, version, payload_digest) REFERENCES countersign_stream_versions (stream, version, payload_digest)
);
CREATE INDEX IF NOT EXISTS countersign_entries_by_primary ON countersign_entries (payload_digest, primary_signature_digest);
CREATE TABLE IF NOT EXISTS countersign_checkpoints (size BIGINT PRIMARY KEY CHECK (size >= 0), note TEXT NOT NULL, state TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS countersign_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
function describePostgresUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return void 0;
  }
  if (u.protocol !== "postgres:" && u.protocol !== "postgresql:") return void 0;
  const socket = u.searchParams.get("host");
  const host = socket ?? (u.hostname ? `${u.hostname}${u.port ? `:${u.port}` : ""}` : "the default socket");
  const db = decodeURIComponent(u.pathname.replace(/^\//, "")) || "(default database)";
  return `PostgreSQL database ${db} on ${host}`;
}
var PostgresSequencer = class _PostgresSequencer {
  description;
  pool;
  constructor(pool, description) {
    this.pool = pool;
    this.description = description;
  }
  /** Connects, creates the tables if missing (under the write lock: instances may start together). */
  static async connect(url) {
    const description = describePostgresUrl(url);
    if (!description)
      throw new InputError(
        "bad-option",
        "--store: expected a postgres:// or postgresql:// connection string (e.g. postgres:///countersign?host=/run/postgresql)"
      );
    const pool = new esm_default.Pool({ connectionString: url, max: 8, connectionTimeoutMillis: 1e4 });
    pool.on("error", () => void 0);
    const sequencer = new _PostgresSequencer(pool, description);
    try {
      await sequencer.transaction("READ COMMITTED", true, async (c) => {
        await c.query(SCHEMA2);
      });
    } catch (err) {
      await pool.end().catch(() => void 0);
      throw startError(err, description);
    }
    return sequencer;
  }
  async close() {
    await this.pool.end();
  }
  read(fn) {
    return this.transaction("REPEATABLE READ", false, (c) => fn(reader(c)), "READ ONLY");
  }
  write(fn) {
    return this.transaction("READ COMMITTED", true, (c) => fn(writer(c)));
  }
  async claimMeta(name, value) {
    return this.transaction("READ COMMITTED", true, async (c) => {
      await c.query("INSERT INTO countersign_meta (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING", [
        name,
        value
      ]);
      const r = await c.query("SELECT value FROM countersign_meta WHERE name = $1", [name]);
      return String(r.rows[0]?.value);
    });
  }
  async transaction(isolation, locked, fn, mode = "READ WRITE") {
    let client;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw runtimeFault(err, this.description);
    }
    let broken = false;
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation} ${mode}`);
      if (locked) await client.query("SELECT pg_advisory_xact_lock($1)", [WRITE_LOCK_KEY]);
      const value = await fn(client);
      await client.query("COMMIT");
      return value;
    } catch (err) {
      try {
        await client.query("ROLLBACK");
      } catch {
        broken = true;
      }
      throw err instanceof StorageFault || err instanceof InputError ? err : runtimeFault(err, this.description);
    } finally {
      client.release(broken);
    }
  }
};
function reader(c) {
  return {
    async latestSize() {
      const r = await c.query("SELECT max(size) AS size FROM countersign_checkpoints");
      const size = r.rows[0]?.size;
      return size === null || size === void 0 ? void 0 : Number(size);
    },
    async checkpointAt(size) {
      const r = await c.query("SELECT size, note, state FROM countersign_checkpoints WHERE size = $1", [size]);
      const row = r.rows[0];
      return row ? toCheckpoint(row) : void 0;
    },
    async chunkAfter(from, max) {
      let r = await c.query(
        "SELECT size, note, state FROM countersign_checkpoints WHERE size > $1 AND size <= $2 ORDER BY size DESC LIMIT 1",
        [from, from + max]
      );
      if (r.rows.length === 0)
        r = await c.query(
          "SELECT size, note, state FROM countersign_checkpoints WHERE size > $1 ORDER BY size LIMIT 1",
          [from]
        );
      const row = r.rows[0];
      if (!row) throw new StorageFault("log-storage-inconsistent", `no checkpoint after size ${from} in the database`);
      const checkpoint = toCheckpoint(row);
      const entries = await c.query(
        "SELECT * FROM countersign_entries WHERE idx >= $1 AND idx < $2 ORDER BY idx",
        [from, checkpoint.size]
      );
      return { checkpoint, entries: entries.rows.map(entryFromRow) };
    }
  };
}
function writer(c) {
  return {
    ...reader(c),
    async append(entries, checkpoint) {
      for (const e of entries) {
        await c.query(
          "INSERT INTO countersign_stream_versions (stream, version, payload_digest) VALUES ($1, $2, $3) ON CONFLICT (stream, version) DO NOTHING",
          [e.stream, e.version, e.payloadDigest]
        );
        await c.query(
          `INSERT INTO countersign_entries (idx, leaf_hash, statement, signature, key_id, stream, version, payload_digest, primary_signature_digest, certificate, identity, signed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            e.index,
            Buffer.from(e.leafHash),
            Buffer.from(e.statement),
            Buffer.from(e.signature),
            e.keyId,
            e.stream,
            e.version,
            e.payloadDigest,
            e.primarySignatureDigest,
            Buffer.from(e.certificate),
            e.identity,
            e.signedAt
          ]
        );
      }
      await c.query("INSERT INTO countersign_checkpoints (size, note, state) VALUES ($1, $2, $3)", [
        checkpoint.size,
        checkpoint.note,
        checkpoint.state
      ]);
    }
  };
}
function toCheckpoint(row) {
  return { size: Number(row.size), note: String(row.note), state: String(row.state) };
}
function sqlState(err) {
  const code = err?.code;
  return typeof code === "string" ? code : "";
}
function detail(err) {
  return (err instanceof Error ? err.message : String(err)).replace(/\s+/g, " ").slice(0, 300);
}
function runtimeFault(err, what) {
  const state = sqlState(err);
  if (state === "53100") return new StorageFault("disk-full", `${what}: the database's disk is full (${detail(err)})`);
  if (state.startsWith("23"))
    return new StorageFault("log-storage-inconsistent", `${what}: the schema refused a write (${detail(err)})`);
  return new StorageFault("log-storage-unreadable", `${what}: ${detail(err)}`);
}
function startError(err, what) {
  const f = runtimeFault(err, what);
  return new InputError(f.code, `cannot use the ${f.message}`);
}

// src/lib/flows/witness/submit.ts
var MAX_ANSWER_BYTES = 16 * 1024;
async function requestCosignature(note, witness, options) {
  const name = witness.cosigner.name;
  const target = `${checkServiceUrl(witness.url, `witness ${name}`)}/add-checkpoint`;
  const { text } = splitNote(note, "checkpoint");
  const size = parseCheckpointText(text).size;
  let old = Math.min(options.knownSizes?.get(name) ?? 0, size);
  for (let attempt = 0; attempt < 2; attempt++) {
    const proof = old === 0 || old === size ? [] : await options.consistencyProof(old);
    const body = `old ${old}
${proof.map((h) => `${Buffer.from(h).toString("base64")}
`).join("")}
${note}`;
    let res;
    try {
      res = await fetch(target, {
        method: "POST",
        body,
        headers: { "content-type": "text/plain; charset=utf-8" },
        redirect: "error",
        signal: AbortSignal.timeout(options.timeoutMs ?? 1e4)
      });
    } catch (err) {
      throw new InputError(
        "service-unavailable",
        `witness ${name} (${target}): no answer (${err instanceof Error ? err.message : String(err)})`
      );
    }
    const answer = new TextDecoder().decode(
      await readCappedBody(
        res,
        MAX_ANSWER_BYTES,
        () => new InputError("service-response-too-large", `witness ${name}: answer over ${MAX_ANSWER_BYTES} bytes`)
      )
    );
    if (res.status === 200) {
      const found = verifyCosignatures(`${text}
${answer}`, [witness.cosigner], `witness ${name}'s answer`);
      const mine = found[0];
      if (!mine)
        throw new VerificationError(
          "log-witness-cosignature",
          `witness ${name}: its answer has no cosignature by its key`
        );
      options.knownSizes?.set(name, size);
      return mine;
    }
    const said = /^(0|[1-9][0-9]{0,15})\n$/.exec(answer)?.[1];
    if (res.status === 409 && said !== void 0 && (res.headers.get("content-type") ?? "").startsWith("text/x.tlog.size")) {
      const theirs = Number(said);
      options.knownSizes?.set(name, theirs);
      if (theirs > size || attempt > 0)
        throw new VerificationError(
          "service-refused",
          `witness ${name}: it last cosigned size ${theirs}, this checkpoint is size ${size}`
        );
      old = theirs;
      continue;
    }
    const why = answer.replace(new RegExp("\\p{Cc}+", "gu"), " ").trim().slice(0, 200);
    if (res.status >= 500)
      throw new InputError("service-unavailable", `witness ${name}: HTTP ${res.status}${why ? `: ${why}` : ""}`);
    throw new VerificationError(
      "service-refused",
      `witness ${name} refused (HTTP ${res.status})${why ? `: ${why}` : ""}`
    );
  }
  throw new VerificationError("service-refused", `witness ${name}: no cosignature after two attempts`);
}
function attachCosignatures(note, cosignatures, witnesses) {
  const { text, lines } = splitNote(note, "checkpoint");
  const replaced = witnesses.filter((w) => cosignatures.some((c) => c.name === w.cosigner.name)).map((w) => ({
    name: w.cosigner.name,
    hash: Buffer.from(cosignerKeyHash(w.cosigner.name, w.cosigner.rawPublicKey)).toString("hex")
  }));
  const kept = lines.filter((line) => {
    const parsed = parseNoteSignatureLine(line);
    if (typeof parsed === "string") return true;
    const hash = Buffer.from(parsed.blob.subarray(0, 4)).toString("hex");
    return !replaced.some((r) => r.name === parsed.name && r.hash === hash);
  });
  return `${text}
${[...kept, ...cosignatures.map((c) => c.line)].map((l) => `${l}
`).join("")}`;
}

// src/server/witnessing.ts
var KEPT_NOTES = 32;
var Witnessing = class _Witnessing {
  log;
  witnesses;
  store;
  timeoutMs;
  waitMs;
  report;
  knownSizes = /* @__PURE__ */ new Map();
  notes = [];
  /** Per witness: the largest size it answered for (or failed), whether it failed, its running submissions. */
  lanes;
  /** Saves of cosigned notes, one after the other (the newest size last). */
  saving = Promise.resolve();
  savedSize = -1;
  waiters = [];
  timer;
  closed = false;
  constructor(options) {
    this.log = options.log;
    this.witnesses = options.witnesses;
    this.store = options.store;
    this.timeoutMs = options.timeoutMs ?? 5e3;
    this.waitMs = options.waitMs ?? 2e3;
    this.report = options.report ?? (() => {
    });
    this.lanes = options.witnesses.map((witness) => ({ witness, done: -1, failed: false, running: void 0 }));
  }
  /** Every witness has answered (or failed) for this size or a larger one. */
  get settled() {
    return Math.min(...this.lanes.map((l) => l.done));
  }
  /** Loads the stored cosigned note (if it checks out), submits the current checkpoint, returns at once. */
  static async start(options) {
    const w = new _Witnessing(options);
    await w.loadStored();
    const retryMs = options.retryMs ?? 15e3;
    if (retryMs > 0) {
      w.timer = setInterval(() => {
        w.kick(true);
      }, retryMs);
      w.timer.unref();
    }
    w.kick();
    return w;
  }
  /** The checkpoint to serve: the current one, with its cosignatures once they arrived. */
  checkpoint() {
    const newest = this.notes.at(-1);
    return newest?.size === this.log.size ? newest.note : this.log.checkpoint;
  }
  /**
   * Submits the newest checkpoint to every witness not already busy with one (each witness
   * has its own lane: a slow one holds back only itself); `again` also retries a witness
   * whose last submission failed.
   */
  kick(again = false) {
    if (this.closed) return;
    for (const lane of this.lanes) {
      if (lane.running) continue;
      if (this.log.size <= lane.done && !(again && lane.failed)) continue;
      lane.running = this.submissions(lane).finally(() => {
        lane.running = void 0;
      });
    }
  }
  /**
   * The answer's countersignature with its log proof moved to the best cosigned checkpoint at
   * or above its tree size, after waiting at most `waitMs` for the round that covers it.
   */
  async withCosignatures(countersignature) {
    const proof = countersignature.logProof;
    if (!proof) return countersignature;
    this.kick();
    if (this.settled < proof.treeSize) await this.waitFor(proof.treeSize);
    let best;
    for (const c of this.notes)
      if (c.size >= proof.treeSize && (!best || c.count > best.count || c.count === best.count && c.size > best.size))
        best = c;
    if (!best || best.size > this.log.size) return countersignature;
    return {
      ...countersignature,
      logProof: {
        logIndex: proof.logIndex,
        treeSize: best.size,
        hashes: this.log.inclusionProof(proof.logIndex, best.size).map((h) => Buffer.from(h).toString("base64")),
        checkpoint: best.note
      }
    };
  }
  async close() {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    for (const w of this.waiters) w.wake();
    this.waiters = [];
    await Promise.all(this.lanes.map((l) => l.running ?? Promise.resolve()));
    await this.saving;
  }
  waitFor(size) {
    return new Promise((resolve) => {
      const waiter = {
        size,
        wake: () => {
          clearTimeout(timeout);
          resolve();
        }
      };
      const timeout = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve();
      }, this.waitMs);
      this.waiters.push(waiter);
    });
  }
  /** One witness's submissions until it has answered for the newest checkpoint. */
  async submissions(lane) {
    const options = { knownSizes: this.knownSizes, timeoutMs: this.timeoutMs };
    let first = true;
    while (!this.closed && (first || this.log.size > lane.done)) {
      first = false;
      const size = this.log.size;
      const note = this.log.checkpoint;
      try {
        const c = await requestCosignature(note, lane.witness, {
          ...options,
          consistencyProof: (from) => this.log.consistencyProof(from, size)
        });
        const known = this.notes.find((n) => n.size === size);
        const cosigned = {
          size,
          note: attachCosignatures(known?.note ?? note, [c], [lane.witness]),
          count: (known?.count ?? 0) + 1
        };
        this.remember(cosigned);
        this.save(cosigned);
        lane.failed = false;
      } catch (err) {
        lane.failed = true;
        const reason = err instanceof Error ? err.message : String(err);
        this.report({ event: "witness-failed", witness: lane.witness.cosigner.name, size, reason });
      }
      if (size > lane.done) lane.done = size;
      const settled = this.settled;
      const ready = this.waiters.filter((w) => w.size <= settled);
      this.waiters = this.waiters.filter((w) => w.size > settled);
      for (const w of ready) w.wake();
    }
  }
  /** Keeps the newest cosigned note on disk (saves run one after the other; an older size never replaces a newer one). */
  save(c) {
    if (!this.store) return;
    const store = this.store;
    this.saving = this.saving.then(async () => {
      if (c.size < this.savedSize) return;
      const newest = this.notes.find((n) => n.size === c.size) ?? c;
      try {
        await store.save(newest.note);
        this.savedSize = c.size;
      } catch (err) {
        this.report({
          event: "witness-store-failed",
          size: c.size,
          reason: err instanceof Error ? err.message : String(err)
        });
      }
    });
  }
  remember(c) {
    const at = this.notes.findIndex((n) => n.size >= c.size);
    if (at >= 0 && this.notes[at]?.size === c.size) this.notes[at] = c;
    else if (at >= 0) this.notes.splice(at, 0, c);
    else this.notes.push(c);
    if (this.notes.length > KEPT_NOTES) this.notes.splice(0, this.notes.length - KEPT_NOTES);
  }
  /** The stored note, if it is this log's (signed, consistent with the current tree) and cosigned by a configured witness. */
  async loadStored() {
    const note = await this.store?.load();
    if (note === void 0) return;
    try {
      const verifier = { name: this.log.origin, rawPublicKey: this.log.signer.rawPublicKey };
      const cp = verifyCheckpoint(note, verifier, "stored cosigned checkpoint");
      const current = parseCheckpointText(splitNote(this.log.checkpoint, "checkpoint").text);
      if (cp.size > current.size) return;
      const proof = cp.size === current.size ? [] : this.log.consistencyProof(cp.size, current.size);
      if (!verifyConsistency(cp.size, current.size, cp.root, current.root, proof)) return;
      const found = verifyCosignatures(
        note,
        this.witnesses.map((w) => w.cosigner),
        "stored cosigned checkpoint"
      );
      if (found.length === 0) return;
      for (const f of found) this.knownSizes.set(f.name, Math.max(this.knownSizes.get(f.name) ?? 0, cp.size));
      this.remember({ size: cp.size, note, count: found.length });
    } catch (err) {
      this.report({
        event: "witness-stored-ignored",
        reason: err instanceof Error ? err.message : String(err)
      });
    }
  }
};

// src/server/storage/cosigned.ts
import { readFile as readFile2 } from "node:fs/promises";
import { join as join4 } from "node:path";
var COSIGNED_FILE = "checkpoint.cosigned";
var MAX_COSIGNED_BYTES = 64 * 1024;
function fileCosignedStore(dataDir) {
  const path = join4(dataDir, COSIGNED_FILE);
  return {
    async load() {
      try {
        const bytes = await readFile2(path);
        return bytes.length > MAX_COSIGNED_BYTES ? void 0 : bytes.toString("utf8");
      } catch {
        return void 0;
      }
    },
    async save(note) {
      await writeFileAtomic(path, note, { mode: 384 });
    }
  };
}

// src/server/workers/verifiers.ts
import { availableParallelism } from "node:os";

// src/server/workers/pool.ts
import { Worker } from "node:worker_threads";
var WorkerCrashError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "WorkerCrashError";
  }
};
var WorkerPool = class {
  options;
  idle = [];
  busy = /* @__PURE__ */ new Map();
  waiting = [];
  workers = 0;
  nextId = 0;
  closed = false;
  /** Workers that died and were replaced (a metric). */
  crashes = 0;
  constructor(options) {
    this.options = { ...options, size: Math.max(1, Math.floor(options.size)) };
    for (let i = 0; i < this.options.size; i++) this.idle.push(this.startWorker());
  }
  get size() {
    return this.options.size;
  }
  /** Jobs waiting for a worker. */
  get queued() {
    return this.waiting.length;
  }
  /** Jobs being run. */
  get running() {
    return this.busy.size;
  }
  get maxQueue() {
    return this.options.maxQueue;
  }
  /** Every worker busy and the queue full: `run` would refuse. */
  get full() {
    return this.idle.length === 0 && this.waiting.length >= this.options.maxQueue;
  }
  /** The job's answer; undefined (nothing queued) when every worker is busy and the queue is full. */
  run(job) {
    if (this.closed) return Promise.reject(new Error("the worker pool is closed"));
    if (this.full) return void 0;
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, job, resolve, reject });
      this.dispatch();
    });
  }
  async close() {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new Error("the worker pool is closed"));
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }
  dispatch() {
    for (; ; ) {
      if (this.waiting.length === 0) return;
      const worker = this.idle.pop() ?? (this.workers < this.options.size ? this.startWorker() : void 0);
      if (!worker) return;
      const job = this.waiting.shift();
      if (!job) {
        this.idle.push(worker);
        return;
      }
      this.busy.set(worker, job);
      worker.postMessage({ id: job.id, job: job.job });
    }
  }
  startWorker() {
    this.workers += 1;
    const started = Date.now();
    const worker = new Worker(this.options.url, {
      workerData: this.options.workerData,
      ...this.options.resourceLimits ? { resourceLimits: this.options.resourceLimits } : {}
    });
    worker.on("message", (reply) => {
      const job = this.busy.get(worker);
      if (!job || job.id !== reply.id) return;
      this.busy.delete(worker);
      if ("answer" in reply) job.resolve(reply.answer);
      else job.reject(new Error(`verification worker fault: ${reply.fault}`));
      if (!this.closed) {
        this.idle.push(worker);
        this.dispatch();
      }
    });
    let gone = false;
    const died = (why) => {
      if (gone) return;
      gone = true;
      this.workers -= 1;
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      if (this.closed) return;
      this.crashes += 1;
      job?.reject(new WorkerCrashError(`a verification worker died (${why}) while verifying this request`));
      if (job || Date.now() - started > 1e3) {
        this.idle.push(this.startWorker());
        this.dispatch();
      } else {
        setTimeout(() => {
          if (this.closed || this.workers >= this.options.size) return;
          this.idle.push(this.startWorker());
          this.dispatch();
        }, 1e3).unref();
      }
    };
    worker.on("error", (err) => {
      died((err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "error");
    });
    worker.on("exit", (code) => {
      died(`exit code ${code}`);
    });
    return worker;
  }
};

// src/server/workers/verify-job.ts
async function verifyJob(job, ctx) {
  const state = job.last ? {
    streams: Object.assign(/* @__PURE__ */ Object.create(null), {
      [job.last.stream]: { version: job.last.version, statementDigest: job.last.payloadDigest }
    })
  } : void 0;
  try {
    const v = await verifyForCountersigning(job.body, {
      policy: ctx.policy,
      keyId: ctx.keyId,
      now: new Date(job.now),
      what: "request body",
      ...state ? { state } : {},
      ...ctx.trust ? { trust: ctx.trust } : {},
      ...ctx.approveRotation ? { approveRotation: ctx.approveRotation } : {}
    });
    const p = v.primary;
    return {
      ok: true,
      stream: v.stream,
      version: v.version,
      primary: {
        payload: p.payload,
        payloadType: p.payloadType,
        signature: p.signature,
        certificate: p.certificate,
        tlogEntries: p.tlogEntries.map((e) => ({ logId: e.logId, logIndex: e.logIndex })),
        timestamps: p.timestamps
      },
      identity: p.signer.identity
    };
  } catch (err) {
    if (err instanceof VerificationError)
      return { ok: false, error: "VerificationError", code: err.code, message: err.message };
    if (err instanceof InputError) return { ok: false, error: "InputError", code: err.code, message: err.message };
    throw err;
  }
}

// src/server/workers/verify-worker.ts
import { getPriority, setPriority } from "node:os";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
var VERIFY_WORKER_ROLE = "countersign-verify-worker";
var VERIFY_WORKER_URL = new URL(import.meta.url);
function serve(data) {
  const port = parentPort;
  if (!port) return;
  try {
    setPriority(0, Math.min(19, getPriority(0) + 5));
  } catch {
  }
  const ctx = { ...data.context, trust: trustMaterialOf(data.context.policy) };
  port.on("message", (message) => {
    verifyJob(message.job, ctx).then(
      (answer) => {
        port.postMessage({ id: message.id, answer });
      },
      (err) => {
        const fault = (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).split("\n")[0] ?? "";
        port.postMessage({ id: message.id, fault: fault.slice(0, 500) });
      }
    );
  });
}
if (!isMainThread && workerData?.role === VERIFY_WORKER_ROLE)
  serve(workerData);

// src/server/workers/verifiers.ts
function defaultWorkers() {
  return availableParallelism();
}
function defaultMaxQueue(workers) {
  return Math.max(1, workers) * 16;
}
function startVerifiers(options) {
  if (options.workers >= 1) {
    const pool = new WorkerPool({
      url: VERIFY_WORKER_URL,
      workerData: { role: VERIFY_WORKER_ROLE, context: options.context },
      size: options.workers,
      maxQueue: options.maxQueue,
      // A request is at most 1 MiB: a verification never needs more; a runaway one dies alone.
      resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 64 }
    });
    return {
      verify: (job) => pool.run(job),
      workers: pool.size,
      get queued() {
        return pool.queued;
      },
      get running() {
        return pool.running;
      },
      maxQueue: pool.maxQueue,
      get full() {
        return pool.full;
      },
      get crashes() {
        return pool.crashes;
      },
      close: () => pool.close()
    };
  }
  const ctx = { ...options.context, ...options.trust ? { trust: options.trust } : {} };
  let running = 0;
  const full = () => running >= options.maxQueue + 1;
  return {
    verify: (job) => {
      if (full()) return void 0;
      running += 1;
      return verifyJob(job, ctx).finally(() => {
        running -= 1;
      });
    },
    workers: 0,
    queued: 0,
    get running() {
      return running;
    },
    maxQueue: options.maxQueue,
    get full() {
      return full();
    },
    crashes: 0,
    close: () => Promise.resolve()
  };
}

// src/server/service.ts
async function startService(options) {
  const pinned = options.policy.countersigners.find((k) => k.keyId === options.signer.keyId);
  if (!pinned) {
    throw new InputError(
      "countersigner-not-pinned",
      `the service key ${options.signer.keyId} is not a countersigner in the policy (${options.policy.countersigners.map((k) => k.name).join(", ")}): its countersignatures would never count`
    );
  }
  const store = await LogStore.open(options.dataDir);
  let sequencer;
  let server;
  let verifiers;
  let witnessing;
  try {
    if (options.sharedStore !== void 0) sequencer = await PostgresSequencer.connect(options.sharedStore);
    const log = await TransparencyLog.open(store, options.logSigner, {
      countersignerKeys: [parsePublicKeyPem(pinned.publicKey, "the policy key of the service")],
      ...options.unsafeAcceptLogWithoutHighWaterMark ? { unsafeAcceptLogWithoutHighWaterMark: true } : {},
      ...sequencer ? { sequencer } : {}
    });
    const workers = options.workers ?? defaultWorkers();
    verifiers = startVerifiers({
      workers,
      maxQueue: options.maxQueue ?? defaultMaxQueue(workers),
      context: {
        policy: options.policy,
        keyId: options.signer.keyId,
        // The opt-in's condition, checked again on the verified document; without it a rotation is refused.
        ...options.unsafeAutoCountersignRotationsKeepingB ? { approveRotation: { keepingOrganisation: pinned.organisation } } : {}
      },
      ...workers === 0 ? { trust: options.trust ?? trustMaterialOf(options.policy) } : {}
    });
    const countersigner = new Countersigner({
      policy: options.policy,
      signer: options.signer,
      log,
      verifiers,
      ...options.now ? { now: options.now } : {},
      ...options.unsafeAutoCountersignRotationsKeepingB ? { unsafeAutoCountersignRotationsKeepingB: true } : {}
    });
    const ctx = {
      countersigner,
      log,
      metrics: new Metrics(),
      key: keyDescription(log, options.logPublicKeyPem, pinned.keyId, pinned.publicKey),
      verifiers,
      limiter: new RateLimiter(options.rateLimit ?? { perSecond: 20, burst: 40 }),
      clientHeader: options.clientHeader?.toLowerCase()
    };
    if (options.witnesses && options.witnesses.length > 0) {
      witnessing = await Witnessing.start({
        log,
        witnesses: options.witnesses,
        store: fileCosignedStore(options.dataDir),
        ...options.witnessWaitMs !== void 0 ? { waitMs: options.witnessWaitMs } : {},
        ...options.witnessTimeoutMs !== void 0 ? { timeoutMs: options.witnessTimeoutMs } : {},
        report: (line) => {
          (options.requestLog ?? (() => {
          }))({ time: (/* @__PURE__ */ new Date()).toISOString(), ...line });
        }
      });
      ctx.witnessing = witnessing;
    }
    const requestLog = options.requestLog ?? (() => {
    });
    server = createServer((req, res) => {
      handle(req, res, ctx, requestLog).catch(() => {
        res.destroy();
      });
    });
    server.requestTimeout = 3e4;
    server.headersTimeout = 1e4;
    server.keepAliveTimeout = 5e3;
    server.maxConnections = options.maxConnections ?? 4096;
    server.maxHeadersCount = 100;
    const s = server;
    await new Promise((resolve, reject) => {
      s.once("error", (err) => {
        reject(
          new InputError(
            "listen-failed",
            `cannot listen on ${options.host ?? "127.0.0.1"}:${options.port ?? 8080}: ${err.code ?? err.message}`
          )
        );
      });
      s.listen({ port: options.port ?? 8080, host: options.host ?? "127.0.0.1", backlog: 4096 }, () => {
        resolve();
      });
    });
    const address = s.address();
    const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
    return {
      url: `http://${host}:${address.port}`,
      origin: log.origin,
      log,
      close: async () => {
        await new Promise((resolve) => {
          s.close(() => {
            resolve();
          });
          s.closeIdleConnections();
        });
        await witnessing?.close();
        await verifiers?.close();
        await sequencer?.close();
        store.close();
      }
    };
  } catch (err) {
    server?.close();
    await witnessing?.close();
    await verifiers?.close();
    await sequencer?.close().catch(() => void 0);
    store.close();
    throw err;
  }
}
function requestUrl(target) {
  if (target === void 0 || !target.startsWith("/") || target.startsWith("//")) return void 0;
  try {
    return new URL(target, "http://service.invalid");
  } catch {
    return void 0;
  }
}
async function handle(req, res, ctx, requestLog) {
  const started = performance.now();
  const url = requestUrl(req.url);
  const path = url?.pathname ?? "(unreadable request target)";
  const endpoint = Object.values(API).includes(path) ? path : "other";
  let reply;
  let code;
  let retryAfter;
  try {
    if (!url) throw new Refusal(400, "bad-request", 'the request target must be a path ("/..."), as in origin-form');
    if (url.pathname !== (req.url ?? "").split("?")[0]) throw new Refusal(404, "not-found", "no such path");
    reply = await route(req, url, ctx);
  } catch (err) {
    const refusal = refusalOf(err);
    if (refusal) {
      code = refusal.code;
      retryAfter = refusal.retryAfter ?? (refusal.status === 503 ? 1 : void 0);
      reply = {
        status: refusal.status,
        contentType: "application/json",
        body: `${JSON.stringify({ code: refusal.code, message: refusal.message })}
`
      };
    } else {
      code = "internal-error";
      reply = {
        status: 500,
        contentType: "application/json",
        body: `${JSON.stringify({ code, message: "internal error in the countersigning service" })}
`
      };
      requestLog({
        time: (/* @__PURE__ */ new Date()).toISOString(),
        event: "fault",
        path,
        error: oneLine2(err instanceof Error ? `${err.name}: ${err.message}` : String(err))
      });
    }
  }
  const logged = reply.log?.outcome;
  const outcome = reply.status < 400 ? typeof logged === "string" ? logged : "ok" : reply.status < 500 ? "refused" : "error";
  ctx.metrics.request(endpoint, outcome);
  if (endpoint === API.countersign && code && (reply.status < 500 || code === "overloaded")) ctx.metrics.refusal(code);
  const headers = {
    "content-type": reply.contentType,
    // What can never change (an entry, a proof between fixed sizes) is cacheable for good;
    // everything else (checkpoint, health, metrics, countersign answers, refusals) never.
    "cache-control": reply.status !== 200 ? "no-store" : reply.cacheControl ?? (reply.immutable ? "public, max-age=31536000, immutable" : "no-store"),
    "x-content-type-options": "nosniff"
  };
  if (reply.status === 413) headers.connection = "close";
  if (retryAfter !== void 0) headers["retry-after"] = String(retryAfter);
  try {
    res.writeHead(reply.status, headers);
    res.end(reply.body);
  } catch {
  }
  requestLog({
    time: (/* @__PURE__ */ new Date()).toISOString(),
    method: req.method,
    path: path.slice(0, 200),
    status: reply.status,
    ...code ? { code } : {},
    ms: Math.round((performance.now() - started) * 10) / 10,
    remote: req.socket.remoteAddress,
    ...reply.log ?? {}
  });
}

// src/cli/serve.ts
var USAGE = `usage: countersign serve --key FILE --policy FILE --data DIR [--store postgres://...]
                         [--listen HOST:PORT] [--log-key FILE] [--origin NAME]
                         [--workers N] [--max-queue N] [--rate-limit R[/BURST]] [--client-header NAME]
                         [--max-connections N] [--unsafe-auto-countersign-rotations-keeping-b]
                         [--unsafe-accept-log-without-high-water-mark] [--witness URL=VKEY ...]

Organisation B's countersigning service: POST /v1/countersign verifies a primary Sigstore
bundle under the policy, countersigns it, appends the countersignature to a transparency log
(durably) and returns it with an inclusion proof and a signed checkpoint. Plain HTTP: put a
TLS reverse proxy in front of it (docs/service.md).

  --key FILE|URI    B's Ed25519 countersigning key: a PKCS#8 PEM file (mode 0600, owned by
                    this user, not a symlink, in a directory only its owner can write), or a
                    PKCS#11 URI naming the key in a token (docs/keys.md)
  --policy FILE     the policy B countersigns under; the key must be one of its countersigners
                    (the file and its directory must not be writable by group or others)
  --data DIR        the log's storage (SQLite, created if missing); back it up. With
                    --store: this instance's own copy of the shared log and its high-water mark
  --store postgres://...
                    run as one of several instances on one log in PostgreSQL (a standard
                    connection string; a Unix socket: postgres:///DB?host=/run/postgresql).
                    The database orders the appends; every instance serves reads
  --listen H:P      address to listen on (default 127.0.0.1:8080; port 0 picks a free one)
  --log-key FILE|URI  the key that signs the log's checkpoints (a file or a PKCS#11 URI,
                    as --key); default: the countersigning key signs them too
  --origin NAME     the log's origin (checkpoint first line and key name; no spaces or '+');
                    default countersign/<first 16 hex digits of the log key id>
  --workers N       verification worker threads (default: one per core; 0: verify on the
                    main thread, which then blocks /healthz while it verifies)
  --max-queue N     requests that may wait for a worker (default 16 per worker); beyond it
                    503 overloaded with Retry-After
  --rate-limit R[/BURST]
                    countersigning requests per second per client (default 20/40; 0: off);
                    beyond it 429 rate-limited with Retry-After
  --client-header NAME
                    count the rate limit per value of this request header (a client token,
                    or the address a reverse proxy forwards) instead of per remote address
  --max-connections N
                    open connections at most (default 4096)
  --unsafe-auto-countersign-rotations-keeping-b
                    countersign an authority rotation without a person, but only one whose
                    new policy keeps B (the key's organisation) exactly as much in control:
                    the same keys of every organisation (B's may only get wider validity
                    windows), the same log requirements, threshold and fallback set
  --unsafe-accept-log-without-high-water-mark
                    start once on a non-empty log that has no high-water mark file
                    (checkpoint.high-water: an upgrade from a version without it). Without
                    the mark a rolled-back or replaced database cannot be told from the real
                    one, so it is refused (log-storage-inconsistent); the mark is written at once
  --witness URL=VKEY
                    a witness (C2SP tlog-witness, e.g. 'countersign witness') to submit each
                    new checkpoint to: its URL prefix (https, or http to loopback) and its
                    verifier key (name+hash+base64, as the witness prints it). Repeatable.
                    Answers wait up to 2 s for cosignatures and carry those that arrived

Authority rotations change who must sign from then on. Without the unsafe flag every one is
refused (403 rotation-needs-review): B reviews it with 'countersign policy diff CURRENT NEW'
and countersigns it offline with 'countersign countersign --key ... --approve-rotation ...'.
Keys are never read from the environment (COUNTERSIGN_KEY, COUNTERSIGN_LOG_KEY: refused, as
/proc/PID/environ keeps them readable for the life of the process).
Exit codes: 0 stopped by a signal, 2 could not start.`;
async function run(argv) {
  const { values, positionals } = parseVerbArgs("serve", argv, {
    key: { type: "string" },
    policy: { type: "string" },
    data: { type: "string" },
    store: { type: "string" },
    listen: { type: "string" },
    "log-key": { type: "string" },
    origin: { type: "string" },
    workers: { type: "string" },
    "max-queue": { type: "string" },
    "rate-limit": { type: "string" },
    "client-header": { type: "string" },
    "max-connections": { type: "string" },
    "unsafe-auto-countersign-rotations-keeping-b": { type: "boolean" },
    "unsafe-accept-log-without-high-water-mark": { type: "boolean" },
    witness: { type: "string", multiple: true },
    help: { type: "boolean", short: "h" }
  });
  if (values.help) return console.log(USAGE), 0;
  if (positionals.length > 0) return usageError("serve", `unexpected argument ${JSON.stringify(positionals[0])}`);
  if (!values.policy) return usageError("serve", "missing --policy FILE");
  if (!values.data) return usageError("serve", "missing --data DIR");
  const { host, port } = parseListen(values.listen ?? "127.0.0.1:8080");
  const workers = countOption("--workers", values.workers, 0, 256);
  const maxQueue = countOption("--max-queue", values["max-queue"], 1, 1e6);
  const maxConnections = countOption("--max-connections", values["max-connections"], 1, 1e6);
  const rateLimit = values["rate-limit"] === void 0 ? void 0 : parseRateLimit(values["rate-limit"]);
  const clientHeader = values["client-header"];
  if (clientHeader !== void 0 && !/^[A-Za-z0-9-]{1,64}$/.test(clientHeader))
    return usageError("serve", `--client-header: expected a header name, found ${JSON.stringify(clientHeader)}`);
  const witnesses = (values.witness ?? []).map(parseWitness);
  refuseKeysInEnvironment();
  if (values.key === void 0) return usageError("serve", "missing --key FILE (or --key PKCS11_URI)");
  await checkPolicyFilePlace(values.policy);
  const key2 = await openSigningKey(values.key, "--key", { refusePinValue: true });
  const logKey = values["log-key"] !== void 0 ? await openSigningKey(values["log-key"], "--log-key", { refusePinValue: true }) : key2;
  const origin = values.origin ?? `countersign/${logKey.keyId.slice("sha256:".length, "sha256:".length + 16)}`;
  if (!isValidKeyName(origin))
    throw new InputError(
      "bad-origin",
      `--origin: expected a name without spaces or '+' (e.g. countersign.example.org/b-release), found ${JSON.stringify(origin)}`
    );
  const policy = await loadPolicyFile(values.policy);
  const logPublicKeyPem = spkiPem(logKey.rawPublicKey);
  const service = await startService({
    policy,
    signer: serviceSigner(key2),
    logSigner: { name: origin, rawPublicKey: logKey.rawPublicKey, signer: serviceSigner(logKey) },
    logPublicKeyPem,
    dataDir: values.data,
    ...values.store !== void 0 ? { sharedStore: values.store } : {},
    host,
    port,
    requestLog: (line) => process.stdout.write(`${JSON.stringify(line)}
`),
    ...workers !== void 0 ? { workers } : {},
    ...maxQueue !== void 0 ? { maxQueue } : {},
    ...maxConnections !== void 0 ? { maxConnections } : {},
    ...rateLimit ? { rateLimit } : {},
    ...clientHeader !== void 0 ? { clientHeader } : {},
    ...values["unsafe-auto-countersign-rotations-keeping-b"] ? { unsafeAutoCountersignRotationsKeepingB: true } : {},
    ...values["unsafe-accept-log-without-high-water-mark"] ? { unsafeAcceptLogWithoutHighWaterMark: true } : {},
    ...witnesses.length > 0 ? { witnesses } : {}
  });
  if (values["unsafe-accept-log-without-high-water-mark"]) {
    console.error(
      "countersign serve: UNSAFE: --unsafe-accept-log-without-high-water-mark: had the log no high-water mark, it was accepted as it is (a rolled-back or replaced database goes unnoticed); remove the flag for the next start"
    );
  }
  if (values["unsafe-auto-countersign-rotations-keeping-b"]) {
    console.error(
      "countersign serve: UNSAFE: authority rotations that keep this key's organisation, keys, log requirement, threshold and fallback set as they are will be countersigned without review (docs/service.md)"
    );
  }
  if (!["127.0.0.1", "::1", "localhost"].includes(host)) {
    console.error(
      `countersign serve: listening on ${host}, not loopback: serve it through a TLS reverse proxy only (docs/service.md)`
    );
  }
  process.stdout.write(
    `${JSON.stringify({
      time: (/* @__PURE__ */ new Date()).toISOString(),
      event: "listening",
      url: service.url,
      origin: service.origin,
      treeSize: service.log.size,
      keyId: key2.keyId,
      logKeyId: logKey.keyId,
      verifierKey: verifierKey(origin, logKey.rawPublicKey),
      rotations: values["unsafe-auto-countersign-rotations-keeping-b"] ? "unsafe-auto-countersign-keeping-b" : "refused"
    })}
`
  );
  return runUntilSignal(() => service.close());
}
function countOption(flag, value, min, max) {
  if (value === void 0) return void 0;
  if (!/^[0-9]{1,7}$/.test(value) || Number(value) < min || Number(value) > max)
    throw new InputError(
      "bad-option",
      `${flag}: expected a whole number from ${min} to ${max}, found ${JSON.stringify(value)}`
    );
  return Number(value);
}
function parseRateLimit(value) {
  const [, rate, burst] = /^([0-9]{1,6})(?:\/([0-9]{1,7}))?$/.exec(value) ?? [];
  if (rate === void 0 || burst !== void 0 && Number(burst) < 1)
    throw new InputError(
      "bad-option",
      `--rate-limit: expected R or R/BURST (e.g. 20/40), found ${JSON.stringify(value)}`
    );
  return { perSecond: Number(rate), burst: burst === void 0 ? Math.max(1, 2 * Number(rate)) : Number(burst) };
}
function parseListen(value) {
  const [, host, port] = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(value) ?? [];
  if (host === void 0 || port === void 0 || Number(port) > 65535)
    throw new InputError(
      "bad-listen",
      `--listen: expected HOST:PORT (e.g. 127.0.0.1:8080), found ${JSON.stringify(value)}`
    );
  return { host: host.replace(/^\[|\]$/g, ""), port: Number(port) };
}
function refuseKeysInEnvironment() {
  for (const name of ["COUNTERSIGN_KEY", "COUNTERSIGN_LOG_KEY"]) {
    if (process.env[name])
      throw new InputError(
        "key-in-environment",
        `${name}: keys are not read from the environment (it stays readable in /proc/PID/environ while the service runs); unset it and give --key FILE (mode 0600) or --key pkcs11:... (docs/keys.md)`
      );
  }
}
function serviceSigner(key2) {
  if (key2.store === "file") return key2.signer;
  return {
    keyId: key2.keyId,
    sign: (message) => key2.signer.sign(message).catch((err) => {
      if (err instanceof InputError) throw new Refusal(503, carried(err.code), err.message);
      throw err;
    })
  };
}
function spkiPem(rawPublicKey) {
  const der = Buffer.concat([ED25519_SPKI_PREFIX, rawPublicKey]);
  return createPublicKey({ key: der, format: "der", type: "spki" }).export({ format: "pem", type: "spki" }).toString();
}
function parseWitness(spec) {
  let problem = "expected URL=VKEY";
  for (let at = spec.indexOf("="); at > 0; at = spec.indexOf("=", at + 1)) {
    const cosigner = parseCosignerKey(spec.slice(at + 1));
    if ("problem" in cosigner) {
      problem = `the witness key: ${cosigner.problem}`;
      continue;
    }
    const url = spec.slice(0, at);
    checkServiceUrl(url, `--witness ${cosigner.name}`);
    return { url, cosigner };
  }
  throw new InputError("bad-option", `--witness: ${problem}, found ${JSON.stringify(spec.slice(0, 200))}`);
}
export {
  USAGE,
  run
};
