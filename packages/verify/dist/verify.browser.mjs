var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod3) => function __require() {
  try {
    return mod3 || (0, cb[__getOwnPropNames(cb)[0]])((mod3 = { exports: {} }).exports, mod3), mod3.exports;
  } catch (e) {
    throw mod3 = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod3, isNodeMode, target) => (target = mod3 != null ? __create(__getProtoOf(mod3)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod3 || !mod3.__esModule ? __defProp(target, "default", { value: mod3, enumerable: true }) : target,
  mod3
));
var __toCommonJS = (mod3) => __copyProps(__defProp({}, "__esModule", { value: true }), mod3);

// src/lib/platform/buffer.ts
function fromString(text, encoding) {
  switch (encoding) {
    case "utf8":
    case "utf-8":
      return Buffer2.from(utf8Encoder.encode(text));
    case "base64":
    case "base64url":
      return fromBase64(text);
    case "hex":
      return fromHex(text);
    case "ascii":
    case "latin1":
    case "binary": {
      const out = new Buffer2(text.length);
      for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 255;
      return out;
    }
    default:
      throw new TypeError(`Unknown encoding: ${String(encoding)}`);
  }
}
function fromBase64(text) {
  let binary;
  try {
    binary = atob(text);
  } catch {
    binary = void 0;
  }
  if (binary !== void 0) {
    const bytes = new Buffer2(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }
  const out = new Buffer2(Math.floor(text.length * 6 / 8));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    const v = B64_VALUES[text.charCodeAt(i)] ?? -1;
    if (v === -2) break;
    if (v < 0) continue;
    acc = (acc << 6 | v) & 16777215;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = acc >> bits & 255;
    }
  }
  if (j === out.length) return out;
  const exact = new Buffer2(j);
  exact.set(out.subarray(0, j));
  return exact;
}
function fromHex(text) {
  const bytes = [];
  for (let i = 0; i + 1 < text.length; i += 2) {
    const pair = text.slice(i, i + 2);
    if (!/^[0-9a-fA-F]{2}$/.test(pair)) break;
    bytes.push(parseInt(pair, 16));
  }
  return Buffer2.from(bytes);
}
function toBase64(bytes, alphabet, pad) {
  let out = "";
  for (let i = 0; i < bytes.length; i += BASE64_CHUNK) out += btoa(latin1(bytes.subarray(i, i + BASE64_CHUNK), 255));
  if (alphabet !== B64) out = out.replaceAll("+", "-").replaceAll("/", "_");
  return pad ? out : out.replace(/=+$/, "");
}
function latin1(bytes, mask) {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode.apply(null, mask === 255 ? chunk : chunk.map((b) => b & mask));
  }
  return out;
}
var B64, B64URL, B64_VALUES, utf8Encoder, utf8Decoder, Buffer2, BASE64_CHUNK;
var init_buffer = __esm({
  "src/lib/platform/buffer.ts"() {
    "use strict";
    B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    B64_VALUES = (() => {
      const table = new Int8Array(128).fill(-1);
      for (let i = 0; i < 64; i++) {
        table[B64.charCodeAt(i)] = i;
        table[B64URL.charCodeAt(i)] = i;
      }
      table["=".charCodeAt(0)] = -2;
      return table;
    })();
    utf8Encoder = new TextEncoder();
    utf8Decoder = new TextDecoder("utf-8");
    Buffer2 = class _Buffer extends Uint8Array {
      // Node's signature, spelled with `unknown` so that it stays compatible with Uint8Array.from's.
      static from(value, encodingOrOffset, length) {
        if (typeof value === "string") return fromString(value, encodingOrOffset ?? "utf8");
        if (value instanceof ArrayBuffer) {
          const offset = encodingOrOffset ?? 0;
          return new _Buffer(value, offset, length ?? value.byteLength - offset);
        }
        return new _Buffer(value);
      }
      static alloc(size, fill) {
        const b = new _Buffer(size);
        if (fill !== void 0) b.fill(fill);
        return b;
      }
      static allocUnsafe(size) {
        return new _Buffer(size);
      }
      static isBuffer(value) {
        return value instanceof _Buffer;
      }
      static byteLength(value, encoding = "utf8") {
        if (typeof value === "string") return fromString(value, encoding).length;
        return value.byteLength;
      }
      static concat(list, totalLength) {
        const total = totalLength ?? list.reduce((n, b) => n + b.length, 0);
        const out = new _Buffer(total);
        let offset = 0;
        for (const b of list) {
          if (offset >= total) break;
          const part = b.subarray(0, total - offset);
          out.set(part, offset);
          offset += part.length;
        }
        return out;
      }
      static compare(a, b) {
        const n = Math.min(a.length, b.length);
        for (let i = 0; i < n; i++) {
          const x = a[i] ?? 0;
          const y = b[i] ?? 0;
          if (x !== y) return x < y ? -1 : 1;
        }
        return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
      }
      equals(other) {
        return _Buffer.compare(this, other) === 0;
      }
      compare(other) {
        return _Buffer.compare(this, other);
      }
      copy(target, targetStart = 0, sourceStart = 0, sourceEnd = this.length) {
        const part = this.subarray(sourceStart, Math.min(sourceEnd, sourceStart + (target.length - targetStart)));
        target.set(part, targetStart);
        return part.length;
      }
      /** A view, as Node's Buffer#slice (not a copy like Uint8Array#slice). */
      slice(start, end) {
        const view = this.subarray(start, end);
        return new _Buffer(view.buffer, view.byteOffset, view.length);
      }
      toString(encoding = "utf8", start = 0, end = this.length) {
        const bytes = this.subarray(start, end);
        switch (encoding) {
          case "utf8":
          case "utf-8":
            return utf8Decoder.decode(bytes);
          case "base64":
            return toBase64(bytes, B64, true);
          case "base64url":
            return toBase64(bytes, B64URL, false);
          case "hex":
            return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
          case "ascii":
            return latin1(bytes, 127);
          case "latin1":
          case "binary":
            return latin1(bytes, 255);
          default:
            throw new TypeError(`Unknown encoding: ${String(encoding)}`);
        }
      }
      /** A signed 64-bit big-endian integer (the SCT timestamp, RFC 6962 §3.2). */
      readBigInt64BE(offset = 0) {
        if (offset < 0 || offset + 8 > this.length)
          throw new RangeError(`readBigInt64BE: offset ${offset} is out of range`);
        return new DataView(this.buffer, this.byteOffset, this.byteLength).getBigInt64(offset, false);
      }
      toJSON() {
        return { type: "Buffer", data: Array.from(this) };
      }
    };
    BASE64_CHUNK = 3 * 8192;
  }
});

// node_modules/@noble/ed25519/index.js
var freeze, P, N, _d, Gx, Gy, _a, ed25519_CURVE, LEN, isBytes, abytes, snapshotBytes, padh, bytesToHex, hexToBytes, concatBytes, arange, mod, P_MASK, modP, invert, apoint, B256, Point, G, I, numTo32bLE, bytesToNumberLE, pow2, pow_2_252_3, RM1, uvRatio, hashes, precompute, Gpows, ctneg, wNAF;
var init_ed25519 = __esm({
  "node_modules/@noble/ed25519/index.js"() {
    init_buffer();
    freeze = Object.freeze;
    P = 0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffedn;
    N = 0x1000000000000000000000000000000014def9dea2f79cd65812631a5cf5d3edn;
    _d = 0x52036cee2b6ffe738cc740797779e89800700a4d4141d8ab75eb4dca135978a3n;
    Gx = 0x216936d3cd6e53fec0a4e231fdd6dc5c692cc7609525a7b2c9562d608f25d51an;
    Gy = 0x6666666666666666666666666666666666666666666666666666666666666658n;
    _a = P - 1n;
    ed25519_CURVE = freeze({
      p: P,
      n: N,
      h: 8n,
      a: _a,
      d: _d,
      Gx,
      Gy
    });
    LEN = 32;
    isBytes = (a) => {
      return a instanceof Uint8Array || ArrayBuffer.isView(a) && a.constructor.name === "Uint8Array" && a.BYTES_PER_ELEMENT === 1;
    };
    abytes = (value, length, title = "") => {
      if (isBytes(value) && (length === void 0 || value.length === length))
        return value;
      const bytes = isBytes(value);
      const ofLen = length !== void 0 ? ` of length ${length}` : "";
      const got = bytes ? `length=${value.length}` : `type=${typeof value}`;
      const message2 = (title ? `"${title}" ` : "") + "expected Uint8Array" + ofLen + ", got " + got;
      if (!bytes)
        throw new TypeError(message2);
      throw new RangeError(message2);
    };
    snapshotBytes = (value, title = "", length) => Uint8Array.from(abytes(value, length, title));
    padh = (n, pad) => n.toString(16).padStart(pad, "0");
    bytesToHex = (bytes) => {
      let hex2 = "";
      for (const byte of abytes(bytes))
        hex2 += padh(byte, 2);
      return hex2;
    };
    hexToBytes = (hex2) => {
      const e = "hex invalid";
      if (typeof hex2 !== "string")
        throw new TypeError(e);
      if (hex2.length % 2 || !/^[\da-f]*$/i.test(hex2))
        throw new RangeError(e);
      const array = new Uint8Array(hex2.length / 2);
      for (let ai = 0, hi = 0; ai < array.length; ai++, hi += 2) {
        const n1 = hex2.charCodeAt(hi);
        const n2 = hex2.charCodeAt(hi + 1);
        array[ai] = ((n1 & 15) + (n1 >> 6) * 9) * 16 + (n2 & 15) + (n2 >> 6) * 9;
      }
      return array;
    };
    concatBytes = (...arrays) => {
      let sum = 0;
      for (const a of arrays)
        sum += abytes(a).length;
      const res = new Uint8Array(sum);
      let pad = 0;
      for (const a of arrays) {
        res.set(a, pad);
        pad += a.length;
      }
      return res;
    };
    arange = (n, min, max, msg = "bad number: out of range") => {
      if (typeof n !== "bigint")
        throw new TypeError(msg);
      if (min <= n && n < max)
        return n;
      throw new RangeError(msg);
    };
    mod = (a, b = P) => (a %= b) >= 0n ? a : b + a;
    P_MASK = (1n << 255n) - 1n;
    modP = (num) => {
      if (num < 0n)
        throw new RangeError("negative coordinate");
      let r = (num >> 255n) * 19n + (num & P_MASK);
      r = (r >> 255n) * 19n + (r & P_MASK);
      return r % P;
    };
    invert = (number, modulo) => {
      if (number === 0n)
        throw new Error("invert: expected non-zero number");
      if (modulo <= 1n)
        throw new Error("invert: expected modulus > 1, got " + modulo);
      let a = mod(number, modulo);
      let b = modulo;
      let x = 0n, u = 1n;
      while (a !== 0n) {
        const q = b / a;
        const r = b - a * q;
        const m = x - u * q;
        b = a, a = r, x = u, u = m;
      }
      const gcd = b;
      if (gcd !== 1n)
        throw new Error("invert: does not exist");
      return mod(x, modulo);
    };
    apoint = (p) => {
      if (p instanceof Point)
        return p;
      throw new TypeError("Point expected");
    };
    B256 = 2n ** 256n;
    Point = class _Point {
      static BASE;
      static ZERO;
      X;
      Y;
      Z;
      T;
      // Constructor only bounds-checks and freezes XYZT coordinates; it does not prove the point is
      // on-curve or that T matches X*Y/Z.
      constructor(X, Y, Z, T) {
        const max = B256;
        this.X = arange(X, 0n, max);
        this.Y = arange(Y, 0n, max);
        this.Z = arange(Z, 1n, max);
        this.T = arange(T, 0n, max);
        freeze(this);
      }
      static CURVE() {
        return ed25519_CURVE;
      }
      static fromAffine(p) {
        return new _Point(p.x, p.y, 1n, modP(p.x * p.y));
      }
      /** RFC8032 5.1.3: Uint8Array to Point. */
      static fromBytes(bytes, zip215 = false) {
        const normed = snapshotBytes(bytes, "point", LEN);
        const lastByte = normed[31];
        normed[31] = lastByte & ~128;
        const y = bytesToNumberLE(normed);
        if (!zip215)
          arange(y, 0n, P);
        const y2 = modP(y * y);
        const u = mod(y2 - 1n);
        const v = modP(_d * y2 + 1n);
        let { isValid, value: x } = uvRatio(u, v);
        if (!isValid)
          throw new Error("bad point: y not sqrt");
        const isLastByteOdd = !!(lastByte & 128);
        if (!zip215 && x === 0n && isLastByteOdd)
          throw new Error("bad point: x==0, isLastByteOdd");
        if (isLastByteOdd !== !!(x & 1n))
          x = mod(-x);
        return new _Point(x, y, 1n, modP(x * y));
      }
      static fromHex(hex2, zip215) {
        return _Point.fromBytes(hexToBytes(hex2), zip215);
      }
      get x() {
        return this.toAffine().x;
      }
      get y() {
        return this.toAffine().y;
      }
      /** Checks if the point is valid and on-curve. */
      assertValidity() {
        const a = _a;
        const d = _d;
        const p = this;
        if (p.is0())
          throw new Error("bad point: ZERO");
        const { X, Y, Z, T } = p;
        const X2 = modP(X * X);
        const Y2 = modP(Y * Y);
        const Z2 = modP(Z * Z);
        const Z4 = modP(Z2 * Z2);
        const aX2 = modP(X2 * a);
        const left = modP(Z2 * (aX2 + Y2));
        const right = mod(Z4 + modP(d * modP(X2 * Y2)));
        if (left !== right)
          throw new Error("bad point: equation left != right (1)");
        const XY = modP(X * Y);
        const ZT = modP(Z * T);
        if (XY !== ZT)
          throw new Error("bad point: equation left != right (2)");
        return this;
      }
      /** Equality check: compare points P&Q. */
      equals(other) {
        const { X: X1, Y: Y1, Z: Z1 } = this;
        const { X: X2, Y: Y2, Z: Z2 } = apoint(other);
        return modP(X1 * Z2) === modP(X2 * Z1) && modP(Y1 * Z2) === modP(Y2 * Z1);
      }
      is0() {
        return this.equals(I);
      }
      /** Flip point over y coordinate. */
      negate() {
        return new _Point(mod(-this.X), this.Y, this.Z, mod(-this.T));
      }
      /** Point doubling. Complete formula. Cost: `4M + 4S + 1*a + 6add + 1*2`. */
      double() {
        const { X: X1, Y: Y1, Z: Z1 } = this;
        const a = _a;
        const A = modP(X1 * X1);
        const B = modP(Y1 * Y1);
        const C = modP(2n * Z1 * Z1);
        const D = modP(a * A);
        const x1y1 = mod(X1 + Y1);
        const E = mod(modP(x1y1 * x1y1) - A - B);
        const G2 = mod(D + B);
        const F = mod(G2 - C);
        const H = mod(D - B);
        const X3 = modP(E * F);
        const Y3 = modP(G2 * H);
        const T3 = modP(E * H);
        const Z3 = modP(F * G2);
        return new _Point(X3, Y3, Z3, T3);
      }
      /** Point addition. Complete formula. Cost: `9M + 1*a + 1*d + 7add`. */
      add(other) {
        const { X: X1, Y: Y1, Z: Z1, T: T1 } = this;
        const { X: X2, Y: Y2, Z: Z2, T: T2 } = apoint(other);
        const a = _a;
        const d = _d;
        const A = modP(X1 * X2);
        const B = modP(Y1 * Y2);
        const C = modP(modP(T1 * d) * T2);
        const D = modP(Z1 * Z2);
        const E = mod(modP(mod(X1 + Y1) * mod(X2 + Y2)) - A - B);
        const F = mod(D - C);
        const G2 = mod(D + C);
        const H = mod(B - modP(a * A));
        const X3 = modP(E * F);
        const Y3 = modP(G2 * H);
        const T3 = modP(E * H);
        const Z3 = modP(F * G2);
        return new _Point(X3, Y3, Z3, T3);
      }
      subtract(other) {
        return this.add(apoint(other).negate());
      }
      /**
       * Point-by-scalar multiplication. Safe mode requires `1 <= n < CURVE.n`.
       * Unsafe mode additionally permits `n = 0` and returns the identity point for that case.
       * Uses {@link wNAF} for base point.
       * Uses fake point to mitigate side-channel leakage.
       * @param n - scalar by which point is multiplied
       * @param safe - safe mode guards against timing attacks; unsafe mode is faster
       */
      multiply(n, safe = true) {
        if (!safe && n === 0n)
          return I;
        arange(n, 1n, N);
        if (!safe && this.is0())
          return I;
        if (n === 1n)
          return this;
        if (this.equals(G))
          return wNAF(n).p;
        let p = I;
        let f = G;
        let d = this;
        for (let i = 0; safe ? i < 256 : n > 0n; i++) {
          if (n & 1n)
            p = p.add(d);
          else if (safe)
            f = f.add(d);
          d = d.double();
          n >>= 1n;
        }
        return p;
      }
      multiplyUnsafe(scalar) {
        return this.multiply(scalar, false);
      }
      /** Convert point to 2d xy affine point. (X, Y, Z) ∋ (x=X/Z, y=Y/Z) */
      toAffine() {
        const { X, Y, Z } = this;
        if (this.equals(I))
          return { x: 0n, y: 1n };
        const iz = invert(Z, P);
        if (modP(Z * iz) !== 1n)
          throw new Error("invalid inverse");
        return { x: modP(X * iz), y: modP(Y * iz) };
      }
      toBytes() {
        const { x, y } = this.toAffine();
        const b = numTo32bLE(y);
        b[31] |= x & 1n ? 128 : 0;
        return b;
      }
      toHex() {
        return bytesToHex(this.toBytes());
      }
      clearCofactor() {
        return this.multiply(8n, false);
      }
      isSmallOrder() {
        return this.clearCofactor().is0();
      }
      isTorsionFree() {
        return this.multiply(N / 2n, false).double().add(this).is0();
      }
    };
    G = new Point(Gx, Gy, 1n, mod(Gx * Gy));
    I = new Point(0n, 1n, 1n, 0n);
    Point.BASE = G;
    Point.ZERO = I;
    numTo32bLE = (num) => hexToBytes(padh(arange(num, 0n, B256), 64)).reverse();
    bytesToNumberLE = (b) => BigInt("0x" + bytesToHex(Uint8Array.from(abytes(b)).reverse()));
    pow2 = (x, power) => {
      let r = x;
      while (power-- > 0) {
        r = modP(r * r);
      }
      return r;
    };
    pow_2_252_3 = (x) => {
      const x2 = modP(x * x);
      const b2 = modP(x2 * x);
      const b4 = modP(pow2(b2, 2) * b2);
      const b5 = modP(pow2(b4, 1) * x);
      const b10 = modP(pow2(b5, 5) * b5);
      const b20 = modP(pow2(b10, 10) * b10);
      const b40 = modP(pow2(b20, 20) * b20);
      const b80 = modP(pow2(b40, 40) * b40);
      const b160 = modP(pow2(b80, 80) * b80);
      const b240 = modP(pow2(b160, 80) * b80);
      const b250 = modP(pow2(b240, 10) * b10);
      return modP(pow2(b250, 2) * x);
    };
    RM1 = 0x2b8324804fc1df0b2b4d00993dfbd7a72f431806ad2fe478c4ee1b274a0ea0b0n;
    uvRatio = (u, v) => {
      const v3 = modP(v * modP(v * v));
      const v7 = modP(modP(v3 * v3) * v);
      const pow3 = pow_2_252_3(modP(u * v7));
      let x = modP(u * modP(v3 * pow3));
      const vx2 = modP(v * modP(x * x));
      const root1 = x;
      const root2 = modP(x * RM1);
      const useRoot1 = vx2 === u;
      const useRoot2 = vx2 === mod(-u);
      const noRoot = vx2 === mod(-u * RM1);
      if (useRoot1)
        x = root1;
      if (useRoot2 || noRoot)
        x = root2;
      if ((mod(x) & 1n) === 1n)
        x = mod(-x);
      return { isValid: useRoot1 || useRoot2, value: x };
    };
    hashes = {
      sha512Async: async (message2) => {
        const s = globalThis?.crypto?.subtle;
        if (!s)
          throw new Error("crypto.subtle must be defined, consider polyfill");
        return new Uint8Array(await s.digest("SHA-512", concatBytes(message2)));
      },
      sha512: void 0
    };
    precompute = () => {
      const points = [];
      let p = G;
      let b;
      for (let w = 0; w < 33; w++) {
        b = p;
        points.push(b);
        for (let i = 1; i < 128; i++) {
          b = b.add(p);
          points.push(b);
        }
        p = b.double();
      }
      return points;
    };
    Gpows = void 0;
    ctneg = (cnd, p) => {
      const n = p.negate();
      return cnd ? n : p;
    };
    wNAF = (n) => {
      const comp = Gpows || (Gpows = precompute());
      let p = I;
      let f = G;
      for (let w = 0; w < 33; w++) {
        let wbits = Number(n & 255n);
        n >>= 8n;
        if (wbits > 128) {
          wbits -= 256;
          n += 1n;
        }
        const off = w * 128;
        const offP = off + Math.abs(wbits) - 1;
        const isOddW = w % 2 !== 0;
        const isNeg = wbits < 0;
        if (wbits === 0) {
          f = f.add(ctneg(isOddW, comp[off]));
        } else {
          p = p.add(ctneg(isNeg, comp[offP]));
        }
      }
      if (n !== 0n)
        throw new Error("invalid wnaf");
      return { p, f };
    };
  }
});

// node_modules/@noble/hashes/_u64.js
function fromBig(n, le = false) {
  if (le)
    return { h: Number(n & U32_MASK64), l: Number(n >> _32n & U32_MASK64) };
  return { h: Number(n >> _32n & U32_MASK64) | 0, l: Number(n & U32_MASK64) | 0 };
}
function split(lst, le = false) {
  const len = lst.length;
  let Ah = new Uint32Array(len);
  let Al = new Uint32Array(len);
  for (let i = 0; i < len; i++) {
    const { h, l } = fromBig(lst[i], le);
    [Ah[i], Al[i]] = [h, l];
  }
  return [Ah, Al];
}
function setU64FromNum(view, byteOffset, n, isLE) {
  const h = fromNumH(n);
  const l = fromNumL(n);
  view.setUint32(byteOffset, isLE ? l : h, isLE);
  view.setUint32(byteOffset + 4, isLE ? h : l, isLE);
}
function add(Ah, Al, Bh, Bl) {
  const l = (Al >>> 0) + (Bl >>> 0);
  return { h: Ah + Bh + (l / 2 ** 32 | 0) | 0, l: l | 0 };
}
var U32_MASK64, _32n, fromNumH, fromNumL, shrSH, shrSL, rotrSH, rotrSL, rotrBH, rotrBL, add3L, add3H, add4L, add4H, add5L, add5H;
var init_u64 = __esm({
  "node_modules/@noble/hashes/_u64.js"() {
    init_buffer();
    U32_MASK64 = /* @__PURE__ */ (() => BigInt(2 ** 32 - 1))();
    _32n = /* @__PURE__ */ BigInt(32);
    fromNumH = (n) => n / 2 ** 32 | 0;
    fromNumL = (n) => n >>> 0;
    shrSH = (h, _l, s) => h >>> s;
    shrSL = (h, l, s) => h << 32 - s | l >>> s;
    rotrSH = (h, l, s) => h >>> s | l << 32 - s;
    rotrSL = (h, l, s) => h << 32 - s | l >>> s;
    rotrBH = (h, l, s) => h << 64 - s | l >>> s - 32;
    rotrBL = (h, l, s) => h >>> s - 32 | l << 64 - s;
    add3L = (Al, Bl, Cl) => (Al >>> 0) + (Bl >>> 0) + (Cl >>> 0);
    add3H = (low, Ah, Bh, Ch) => Ah + Bh + Ch + (low / 2 ** 32 | 0) | 0;
    add4L = (Al, Bl, Cl, Dl) => (Al >>> 0) + (Bl >>> 0) + (Cl >>> 0) + (Dl >>> 0);
    add4H = (low, Ah, Bh, Ch, Dh) => Ah + Bh + Ch + Dh + (low / 2 ** 32 | 0) | 0;
    add5L = (Al, Bl, Cl, Dl, El) => (Al >>> 0) + (Bl >>> 0) + (Cl >>> 0) + (Dl >>> 0) + (El >>> 0);
    add5H = (low, Ah, Bh, Ch, Dh, Eh) => Ah + Bh + Ch + Dh + Eh + (low / 2 ** 32 | 0) | 0;
  }
});

// node_modules/@noble/hashes/utils.js
function isBytes2(a) {
  return a instanceof Uint8Array || ArrayBuffer.isView(a) && a.constructor.name === "Uint8Array" && "BYTES_PER_ELEMENT" in a && a.BYTES_PER_ELEMENT === 1;
}
function anumber(n, title = "") {
  if (typeof n !== "number")
    throw new TypeError(atitle(title) + "expected number, got " + typeof n);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(atitle(title) + "expected integer >= 0, got " + n);
  return n;
}
function abytes2(value, length, title = "") {
  if (isBytes2(value) && (length === void 0 || value.length === length))
    return value;
  if (length !== void 0)
    anumber(length, "length");
  const bytes = isBytes2(value);
  const ofLen = length !== void 0 ? ` of length ${length}` : "";
  const got = bytes ? `length=${value.length}` : `type=${typeof value}`;
  const message2 = atitle(title) + "expected Uint8Array" + ofLen + ", got " + got;
  if (!bytes)
    throw new TypeError(message2);
  throw new RangeError(message2);
}
function ahash(h) {
  if (typeof h !== "function" || typeof h.create !== "function")
    throw new TypeError("expected hash wrapped by utils.createHasher");
  anumber(h.outputLen);
  anumber(h.blockLen);
  if (h.outputLen < 1 || h.blockLen < 1)
    throw new Error("hash blockLen / outputLen must be >= 1");
}
function aexists(instance, checkFinished = true) {
  if (instance.destroyed)
    throw new Error("hash was destroyed");
  if (checkFinished && instance.finished)
    throw new Error("digest() was already called");
}
function aoutput(out, instance) {
  abytes2(out, void 0, "output");
  const min = instance.outputLen;
  if (!(out.length >= min)) {
    throw new RangeError('"output" expected length >= ' + min);
  }
}
function clean(...arrays) {
  for (let i = 0; i < arrays.length; i++) {
    arrays[i].fill(0);
  }
}
function createView(arr) {
  return new DataView(arr.buffer, arr.byteOffset, arr.byteLength);
}
function rotr(word, shift) {
  return word << 32 - shift | word >>> shift;
}
function bytesToHex2(bytes) {
  abytes2(bytes);
  if (hasHexBuiltin)
    return bytes.toHex();
  let hex2 = "";
  for (let i = 0; i < bytes.length; i++) {
    hex2 += hexes[bytes[i]];
  }
  return hex2;
}
function asciiToBase16(ch) {
  return ch >= 48 && ch <= 57 ? ch - 48 : ch >= 65 && ch <= 70 ? ch - (65 - 10) : ch >= 97 && ch <= 102 ? ch - (97 - 10) : void 0;
}
function hexToBytes2(hex2) {
  if (typeof hex2 !== "string")
    throw new TypeError("hex string expected, got " + typeof hex2);
  if (hasHexBuiltin) {
    try {
      return Uint8Array.fromHex(hex2);
    } catch (error) {
      if (error instanceof SyntaxError)
        throw new RangeError(error.message);
      throw error;
    }
  }
  const hl = hex2.length;
  const al = hl / 2;
  if (hl % 2)
    throw new RangeError("hex string expected, got unpadded hex of length " + hl);
  const array = new Uint8Array(al);
  for (let ai = 0, hi = 0; ai < al; ai++, hi += 2) {
    const n1 = asciiToBase16(hex2.charCodeAt(hi));
    const n2 = asciiToBase16(hex2.charCodeAt(hi + 1));
    if (n1 === void 0 || n2 === void 0) {
      const char = hex2[hi] + hex2[hi + 1];
      throw new RangeError('hex string expected, got non-hex character "' + char + '" at index ' + hi);
    }
    array[ai] = n1 * 16 + n2;
  }
  return array;
}
function concatBytes2(...arrays) {
  let sum = 0;
  for (let i = 0; i < arrays.length; i++) {
    const a = arrays[i];
    abytes2(a);
    sum += a.length;
  }
  const res = new Uint8Array(sum);
  for (let i = 0, pad = 0; i < arrays.length; i++) {
    const a = arrays[i];
    res.set(a, pad);
    pad += a.length;
  }
  return res;
}
function checkOpts(defaults, opts, title = "opts") {
  aopts(defaults, "defaults");
  if (opts !== void 0)
    aopts(opts, title);
  const merged = Object.assign(/* @__PURE__ */ Object.create(null), defaults, opts);
  return merged;
}
function createHasher(hashCons, info = {}) {
  if (typeof hashCons !== "function")
    throw new TypeError('"hashCons" expected function, got type=' + typeof hashCons);
  info = checkOpts({}, info, "info");
  const hashC = (msg, opts) => hashCons(opts).update(msg).digest();
  const tmp = hashCons(void 0);
  hashC.outputLen = tmp.outputLen;
  hashC.blockLen = tmp.blockLen;
  hashC.canXOF = tmp.canXOF;
  hashC.create = (opts) => hashCons(opts);
  Object.assign(hashC, info);
  return Object.freeze(hashC);
}
function randomBytes(bytesLength = 32) {
  anumber(bytesLength, "bytesLength");
  const cr = typeof globalThis === "object" ? globalThis.crypto : null;
  if (typeof cr?.getRandomValues !== "function")
    throw new Error("crypto.getRandomValues must be defined");
  if (bytesLength > 65536)
    throw new RangeError(`"bytesLength" expected <= 65536, got ${bytesLength}`);
  return cr.getRandomValues(new Uint8Array(bytesLength));
}
var atitle, aobject, aopts, hasHexBuiltin, hexes, oidNist;
var init_utils = __esm({
  "node_modules/@noble/hashes/utils.js"() {
    init_buffer();
    atitle = (title) => title ? `"${title}" ` : "";
    aobject = (value, label) => {
      if (value === null || typeof value !== "object" || Array.isArray(value))
        throw new TypeError((label === "object" ? "" : `"${label}" `) + "expected object, got type=" + typeof value);
    };
    aopts = (value, label) => {
      aobject(value, label);
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null)
        throw new TypeError(`"${label}" expected plain object`);
      if (Object.hasOwn(value, "__proto__"))
        throw new TypeError(`"${label}.__proto__" is not allowed`);
    };
    hasHexBuiltin = /* @__PURE__ */ (() => (
      // @ts-ignore
      typeof Uint8Array.from([]).toHex === "function" && typeof Uint8Array.fromHex === "function"
    ))();
    hexes = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
    oidNist = (suffix) => ({
      // Current NIST hashAlgs suffixes used here fit in one DER subidentifier octet.
      // Larger suffix values would need base-128 OID encoding and a different length byte.
      oid: Uint8Array.from([6, 9, 96, 134, 72, 1, 101, 3, 4, 2, suffix])
    });
  }
});

// node_modules/@noble/hashes/_md.js
function Chi(a, b, c) {
  return a & b ^ ~a & c;
}
function Maj(a, b, c) {
  return a & b ^ a & c ^ b & c;
}
var HashMD, SHA256_IV, SHA384_IV, SHA512_IV;
var init_md = __esm({
  "node_modules/@noble/hashes/_md.js"() {
    init_buffer();
    init_u64();
    init_utils();
    HashMD = class {
      blockLen;
      outputLen;
      canXOF = false;
      padOffset;
      isLE;
      // For partial updates less than block size
      buffer;
      view;
      finished = false;
      length = 0;
      pos = 0;
      destroyed = false;
      constructor(blockLen, outputLen, padOffset, isLE) {
        this.blockLen = blockLen;
        this.outputLen = outputLen;
        this.padOffset = padOffset;
        this.isLE = isLE;
        this.buffer = new Uint8Array(blockLen);
        this.view = createView(this.buffer);
      }
      update(data) {
        aexists(this);
        abytes2(data);
        const { view, buffer, blockLen } = this;
        const len = data.length;
        let processed = false;
        for (let pos = 0; pos < len; ) {
          const take = Math.min(blockLen - this.pos, len - pos);
          if (take === blockLen) {
            const dataView = createView(data);
            for (; blockLen <= len - pos; pos += blockLen)
              this.process(dataView, pos);
            processed = true;
            continue;
          }
          buffer.set(pos === 0 && take === len ? data : data.subarray(pos, pos + take), this.pos);
          this.pos += take;
          pos += take;
          if (this.pos === blockLen) {
            this.process(view, 0);
            this.pos = 0;
            processed = true;
          }
        }
        this.length += data.length;
        if (processed)
          this.roundClean();
        return this;
      }
      digestInto(out) {
        aexists(this);
        aoutput(out, this);
        this.finished = true;
        const { buffer, view, blockLen, isLE } = this;
        let { pos } = this;
        buffer[pos++] = 128;
        buffer.fill(0, pos);
        if (this.padOffset > blockLen - pos) {
          this.process(view, 0);
          buffer.fill(0);
        }
        setU64FromNum(view, blockLen - 8, this.length * 8, isLE);
        this.process(view, 0);
        this.roundClean();
        const oview = out === buffer ? view : createView(out);
        const len = this.outputLen;
        const outLen = len / 4;
        const state = this.get();
        if (len % 4 || outLen > state.length)
          throw new Error("invalid outputLen");
        for (let i = 0; i < outLen; i++)
          oview.setUint32(4 * i, state[i], isLE);
      }
      digest() {
        const { buffer, outputLen } = this;
        this.digestInto(buffer);
        const res = buffer.slice(0, outputLen);
        this.destroy();
        return res;
      }
      _cloneIntoMeta(to) {
        const { buffer, length, finished, destroyed, pos } = this;
        to.destroyed = destroyed;
        to.finished = finished;
        to.length = length;
        to.pos = pos;
        if (pos)
          to.buffer.set(buffer);
        return to;
      }
      clone() {
        return this._cloneInto();
      }
    };
    SHA256_IV = /* @__PURE__ */ Uint32Array.from([
      1779033703,
      3144134277,
      1013904242,
      2773480762,
      1359893119,
      2600822924,
      528734635,
      1541459225
    ]);
    SHA384_IV = /* @__PURE__ */ Uint32Array.from([
      3418070365,
      3238371032,
      1654270250,
      914150663,
      2438529370,
      812702999,
      355462360,
      4144912697,
      1731405415,
      4290775857,
      2394180231,
      1750603025,
      3675008525,
      1694076839,
      1203062813,
      3204075428
    ]);
    SHA512_IV = /* @__PURE__ */ Uint32Array.from([
      1779033703,
      4089235720,
      3144134277,
      2227873595,
      1013904242,
      4271175723,
      2773480762,
      1595750129,
      1359893119,
      2917565137,
      2600822924,
      725511199,
      528734635,
      4215389547,
      1541459225,
      327033209
    ]);
  }
});

// node_modules/@noble/hashes/sha2.js
var SHA256_K, SHA256_W, SHA2_32B, _SHA256, K512, SHA512_Kh, SHA512_Kl, SHA512_W_H, SHA512_W_L, SHA2_64B, _SHA512, _SHA384, sha256, sha512, sha384;
var init_sha2 = __esm({
  "node_modules/@noble/hashes/sha2.js"() {
    init_buffer();
    init_md();
    init_u64();
    init_utils();
    SHA256_K = /* @__PURE__ */ Uint32Array.from([
      1116352408,
      1899447441,
      3049323471,
      3921009573,
      961987163,
      1508970993,
      2453635748,
      2870763221,
      3624381080,
      310598401,
      607225278,
      1426881987,
      1925078388,
      2162078206,
      2614888103,
      3248222580,
      3835390401,
      4022224774,
      264347078,
      604807628,
      770255983,
      1249150122,
      1555081692,
      1996064986,
      2554220882,
      2821834349,
      2952996808,
      3210313671,
      3336571891,
      3584528711,
      113926993,
      338241895,
      666307205,
      773529912,
      1294757372,
      1396182291,
      1695183700,
      1986661051,
      2177026350,
      2456956037,
      2730485921,
      2820302411,
      3259730800,
      3345764771,
      3516065817,
      3600352804,
      4094571909,
      275423344,
      430227734,
      506948616,
      659060556,
      883997877,
      958139571,
      1322822218,
      1537002063,
      1747873779,
      1955562222,
      2024104815,
      2227730452,
      2361852424,
      2428436474,
      2756734187,
      3204031479,
      3329325298
    ]);
    SHA256_W = /* @__PURE__ */ new Uint32Array(64);
    SHA2_32B = class extends HashMD {
      // We cannot use array here since array allows indexing by variable
      // which means optimizer/compiler cannot use registers.
      // Numeric initializers matter: starting the fields as `undefined` changes
      // V8's field representation and makes sha256 3x slower (measured).
      A = 0;
      B = 0;
      C = 0;
      D = 0;
      E = 0;
      F = 0;
      G = 0;
      H = 0;
      constructor(outputLen, IV) {
        super(64, outputLen, 8, false);
        this.A = IV[0] | 0;
        this.B = IV[1] | 0;
        this.C = IV[2] | 0;
        this.D = IV[3] | 0;
        this.E = IV[4] | 0;
        this.F = IV[5] | 0;
        this.G = IV[6] | 0;
        this.H = IV[7] | 0;
      }
      get() {
        const { A, B, C, D, E, F, G: G2, H } = this;
        return [A, B, C, D, E, F, G2, H];
      }
      // prettier-ignore
      set(A, B, C, D, E, F, G2, H) {
        this.A = A | 0;
        this.B = B | 0;
        this.C = C | 0;
        this.D = D | 0;
        this.E = E | 0;
        this.F = F | 0;
        this.G = G2 | 0;
        this.H = H | 0;
      }
      _cloneInto(to) {
        (to ||= new this.constructor()).set(...this.get());
        return this._cloneIntoMeta(to);
      }
      process(view, offset) {
        for (let i = 0; i < 16; i++, offset += 4)
          SHA256_W[i] = view.getUint32(offset, false);
        for (let i = 16; i < 64; i++) {
          const W15 = SHA256_W[i - 15];
          const W2 = SHA256_W[i - 2];
          const s0 = rotr(W15, 7) ^ rotr(W15, 18) ^ W15 >>> 3;
          const s1 = rotr(W2, 17) ^ rotr(W2, 19) ^ W2 >>> 10;
          SHA256_W[i] = s1 + SHA256_W[i - 7] + s0 + SHA256_W[i - 16] | 0;
        }
        let { A, B, C, D, E, F, G: G2, H } = this;
        for (let i = 0; i < 64; i++) {
          const sigma1 = rotr(E, 6) ^ rotr(E, 11) ^ rotr(E, 25);
          const T1 = H + sigma1 + Chi(E, F, G2) + SHA256_K[i] + SHA256_W[i] | 0;
          const sigma0 = rotr(A, 2) ^ rotr(A, 13) ^ rotr(A, 22);
          const T2 = sigma0 + Maj(A, B, C) | 0;
          H = G2;
          G2 = F;
          F = E;
          E = D + T1 | 0;
          D = C;
          C = B;
          B = A;
          A = T1 + T2 | 0;
        }
        A = A + this.A | 0;
        B = B + this.B | 0;
        C = C + this.C | 0;
        D = D + this.D | 0;
        E = E + this.E | 0;
        F = F + this.F | 0;
        G2 = G2 + this.G | 0;
        H = H + this.H | 0;
        this.set(A, B, C, D, E, F, G2, H);
      }
      roundClean() {
        clean(SHA256_W);
      }
      destroy() {
        this.destroyed = true;
        this.set(0, 0, 0, 0, 0, 0, 0, 0);
        clean(this.buffer);
      }
    };
    _SHA256 = class extends SHA2_32B {
      constructor() {
        super(32, SHA256_IV);
      }
    };
    K512 = /* @__PURE__ */ (() => split([
      "0x428a2f98d728ae22",
      "0x7137449123ef65cd",
      "0xb5c0fbcfec4d3b2f",
      "0xe9b5dba58189dbbc",
      "0x3956c25bf348b538",
      "0x59f111f1b605d019",
      "0x923f82a4af194f9b",
      "0xab1c5ed5da6d8118",
      "0xd807aa98a3030242",
      "0x12835b0145706fbe",
      "0x243185be4ee4b28c",
      "0x550c7dc3d5ffb4e2",
      "0x72be5d74f27b896f",
      "0x80deb1fe3b1696b1",
      "0x9bdc06a725c71235",
      "0xc19bf174cf692694",
      "0xe49b69c19ef14ad2",
      "0xefbe4786384f25e3",
      "0x0fc19dc68b8cd5b5",
      "0x240ca1cc77ac9c65",
      "0x2de92c6f592b0275",
      "0x4a7484aa6ea6e483",
      "0x5cb0a9dcbd41fbd4",
      "0x76f988da831153b5",
      "0x983e5152ee66dfab",
      "0xa831c66d2db43210",
      "0xb00327c898fb213f",
      "0xbf597fc7beef0ee4",
      "0xc6e00bf33da88fc2",
      "0xd5a79147930aa725",
      "0x06ca6351e003826f",
      "0x142929670a0e6e70",
      "0x27b70a8546d22ffc",
      "0x2e1b21385c26c926",
      "0x4d2c6dfc5ac42aed",
      "0x53380d139d95b3df",
      "0x650a73548baf63de",
      "0x766a0abb3c77b2a8",
      "0x81c2c92e47edaee6",
      "0x92722c851482353b",
      "0xa2bfe8a14cf10364",
      "0xa81a664bbc423001",
      "0xc24b8b70d0f89791",
      "0xc76c51a30654be30",
      "0xd192e819d6ef5218",
      "0xd69906245565a910",
      "0xf40e35855771202a",
      "0x106aa07032bbd1b8",
      "0x19a4c116b8d2d0c8",
      "0x1e376c085141ab53",
      "0x2748774cdf8eeb99",
      "0x34b0bcb5e19b48a8",
      "0x391c0cb3c5c95a63",
      "0x4ed8aa4ae3418acb",
      "0x5b9cca4f7763e373",
      "0x682e6ff3d6b2b8a3",
      "0x748f82ee5defb2fc",
      "0x78a5636f43172f60",
      "0x84c87814a1f0ab72",
      "0x8cc702081a6439ec",
      "0x90befffa23631e28",
      "0xa4506cebde82bde9",
      "0xbef9a3f7b2c67915",
      "0xc67178f2e372532b",
      "0xca273eceea26619c",
      "0xd186b8c721c0c207",
      "0xeada7dd6cde0eb1e",
      "0xf57d4f7fee6ed178",
      "0x06f067aa72176fba",
      "0x0a637dc5a2c898a6",
      "0x113f9804bef90dae",
      "0x1b710b35131c471b",
      "0x28db77f523047d84",
      "0x32caab7b40c72493",
      "0x3c9ebe0a15c9bebc",
      "0x431d67c49c100d4c",
      "0x4cc5d4becb3e42b6",
      "0x597f299cfc657e2a",
      "0x5fcb6fab3ad6faec",
      "0x6c44198c4a475817"
    ].map((n) => BigInt(n))))();
    SHA512_Kh = /* @__PURE__ */ (() => K512[0])();
    SHA512_Kl = /* @__PURE__ */ (() => K512[1])();
    SHA512_W_H = /* @__PURE__ */ new Uint32Array(80);
    SHA512_W_L = /* @__PURE__ */ new Uint32Array(80);
    SHA2_64B = class extends HashMD {
      // We cannot use array here since array allows indexing by variable
      // which means optimizer/compiler cannot use registers.
      // h -- high 32 bits, l -- low 32 bits
      // Numeric initializers matter: starting the fields as `undefined` changes
      // V8's field representation and slows hashing down (measured on sha256).
      Ah = 0;
      Al = 0;
      Bh = 0;
      Bl = 0;
      Ch = 0;
      Cl = 0;
      Dh = 0;
      Dl = 0;
      Eh = 0;
      El = 0;
      Fh = 0;
      Fl = 0;
      Gh = 0;
      Gl = 0;
      Hh = 0;
      Hl = 0;
      constructor(outputLen, IV) {
        super(128, outputLen, 16, false);
        this.Ah = IV[0] | 0;
        this.Al = IV[1] | 0;
        this.Bh = IV[2] | 0;
        this.Bl = IV[3] | 0;
        this.Ch = IV[4] | 0;
        this.Cl = IV[5] | 0;
        this.Dh = IV[6] | 0;
        this.Dl = IV[7] | 0;
        this.Eh = IV[8] | 0;
        this.El = IV[9] | 0;
        this.Fh = IV[10] | 0;
        this.Fl = IV[11] | 0;
        this.Gh = IV[12] | 0;
        this.Gl = IV[13] | 0;
        this.Hh = IV[14] | 0;
        this.Hl = IV[15] | 0;
      }
      // prettier-ignore
      get() {
        const { Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl } = this;
        return [Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl];
      }
      // prettier-ignore
      set(Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl) {
        this.Ah = Ah | 0;
        this.Al = Al | 0;
        this.Bh = Bh | 0;
        this.Bl = Bl | 0;
        this.Ch = Ch | 0;
        this.Cl = Cl | 0;
        this.Dh = Dh | 0;
        this.Dl = Dl | 0;
        this.Eh = Eh | 0;
        this.El = El | 0;
        this.Fh = Fh | 0;
        this.Fl = Fl | 0;
        this.Gh = Gh | 0;
        this.Gl = Gl | 0;
        this.Hh = Hh | 0;
        this.Hl = Hl | 0;
      }
      _cloneInto(to) {
        (to ||= new this.constructor()).set(...this.get());
        return this._cloneIntoMeta(to);
      }
      process(view, offset) {
        for (let i = 0; i < 16; i++, offset += 4) {
          SHA512_W_H[i] = view.getUint32(offset);
          SHA512_W_L[i] = view.getUint32(offset += 4);
        }
        for (let i = 16; i < 80; i++) {
          const W15h = SHA512_W_H[i - 15] | 0;
          const W15l = SHA512_W_L[i - 15] | 0;
          const s0h = rotrSH(W15h, W15l, 1) ^ rotrSH(W15h, W15l, 8) ^ shrSH(W15h, W15l, 7);
          const s0l = rotrSL(W15h, W15l, 1) ^ rotrSL(W15h, W15l, 8) ^ shrSL(W15h, W15l, 7);
          const W2h = SHA512_W_H[i - 2] | 0;
          const W2l = SHA512_W_L[i - 2] | 0;
          const s1h = rotrSH(W2h, W2l, 19) ^ rotrBH(W2h, W2l, 61) ^ shrSH(W2h, W2l, 6);
          const s1l = rotrSL(W2h, W2l, 19) ^ rotrBL(W2h, W2l, 61) ^ shrSL(W2h, W2l, 6);
          const SUMl = add4L(s0l, s1l, SHA512_W_L[i - 7], SHA512_W_L[i - 16]);
          const SUMh = add4H(SUMl, s0h, s1h, SHA512_W_H[i - 7], SHA512_W_H[i - 16]);
          SHA512_W_H[i] = SUMh | 0;
          SHA512_W_L[i] = SUMl | 0;
        }
        let { Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl } = this;
        for (let i = 0; i < 80; i++) {
          const sigma1h = rotrSH(Eh, El, 14) ^ rotrSH(Eh, El, 18) ^ rotrBH(Eh, El, 41);
          const sigma1l = rotrSL(Eh, El, 14) ^ rotrSL(Eh, El, 18) ^ rotrBL(Eh, El, 41);
          const CHIh = Eh & Fh ^ ~Eh & Gh;
          const CHIl = El & Fl ^ ~El & Gl;
          const T1ll = add5L(Hl, sigma1l, CHIl, SHA512_Kl[i], SHA512_W_L[i]);
          const T1h = add5H(T1ll, Hh, sigma1h, CHIh, SHA512_Kh[i], SHA512_W_H[i]);
          const T1l = T1ll | 0;
          const sigma0h = rotrSH(Ah, Al, 28) ^ rotrBH(Ah, Al, 34) ^ rotrBH(Ah, Al, 39);
          const sigma0l = rotrSL(Ah, Al, 28) ^ rotrBL(Ah, Al, 34) ^ rotrBL(Ah, Al, 39);
          const MAJh = Ah & Bh ^ Ah & Ch ^ Bh & Ch;
          const MAJl = Al & Bl ^ Al & Cl ^ Bl & Cl;
          Hh = Gh | 0;
          Hl = Gl | 0;
          Gh = Fh | 0;
          Gl = Fl | 0;
          Fh = Eh | 0;
          Fl = El | 0;
          ({ h: Eh, l: El } = add(Dh | 0, Dl | 0, T1h | 0, T1l | 0));
          Dh = Ch | 0;
          Dl = Cl | 0;
          Ch = Bh | 0;
          Cl = Bl | 0;
          Bh = Ah | 0;
          Bl = Al | 0;
          const All = add3L(T1l, sigma0l, MAJl);
          Ah = add3H(All, T1h, sigma0h, MAJh);
          Al = All | 0;
        }
        ({ h: Ah, l: Al } = add(this.Ah | 0, this.Al | 0, Ah | 0, Al | 0));
        ({ h: Bh, l: Bl } = add(this.Bh | 0, this.Bl | 0, Bh | 0, Bl | 0));
        ({ h: Ch, l: Cl } = add(this.Ch | 0, this.Cl | 0, Ch | 0, Cl | 0));
        ({ h: Dh, l: Dl } = add(this.Dh | 0, this.Dl | 0, Dh | 0, Dl | 0));
        ({ h: Eh, l: El } = add(this.Eh | 0, this.El | 0, Eh | 0, El | 0));
        ({ h: Fh, l: Fl } = add(this.Fh | 0, this.Fl | 0, Fh | 0, Fl | 0));
        ({ h: Gh, l: Gl } = add(this.Gh | 0, this.Gl | 0, Gh | 0, Gl | 0));
        ({ h: Hh, l: Hl } = add(this.Hh | 0, this.Hl | 0, Hh | 0, Hl | 0));
        this.set(Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl);
      }
      roundClean() {
        clean(SHA512_W_H, SHA512_W_L);
      }
      destroy() {
        this.destroyed = true;
        clean(this.buffer);
        this.set(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
      }
    };
    _SHA512 = class extends SHA2_64B {
      constructor() {
        super(64, SHA512_IV);
      }
    };
    _SHA384 = class extends SHA2_64B {
      constructor() {
        super(48, SHA384_IV);
      }
    };
    sha256 = /* @__PURE__ */ createHasher(
      () => new _SHA256(),
      /* @__PURE__ */ oidNist(1)
    );
    sha512 = /* @__PURE__ */ createHasher(
      () => new _SHA512(),
      /* @__PURE__ */ oidNist(3)
    );
    sha384 = /* @__PURE__ */ createHasher(
      () => new _SHA384(),
      /* @__PURE__ */ oidNist(2)
    );
  }
});

// node_modules/@noble/curves/utils.js
function aarray(item, title, inner = () => {
}) {
  if (!Array.isArray(item))
    throw new TypeError(`"${title}" expected array, got type=${typeof item}`);
  for (let i = 0; i < item.length; i++)
    inner(item[i], `${title}[${i}]`);
  return item;
}
function astring(value, title = "") {
  if (typeof value !== "string") {
    const prefix = title && `"${title}" `;
    throw new TypeError(prefix + "expected string, got type=" + typeof value);
  }
  return value;
}
function aobject2(value, title = "object") {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new TypeError(title === "object" ? "expected valid options object" : `"${title}" expected object, got type=${typeof value}`);
  return value;
}
function afunction(value, title) {
  if (typeof value !== "function")
    throw new TypeError(`"${title}" is invalid: expected function, got ${typeof value}`);
  return value;
}
function abool(value, title = "") {
  if (typeof value !== "boolean")
    throw new TypeError(atitle2(title) + "expected boolean, got type=" + typeof value);
  return value;
}
function abignumber(n) {
  if (typeof n === "bigint") {
    if (!isPosBig(n))
      throw new RangeError("positive bigint expected, got " + n);
  } else
    anumber2(n);
  return n;
}
function asafenumber(value, title = "") {
  if (typeof value !== "number") {
    const prefix = title && `"${title}" `;
    throw new TypeError(prefix + "expected number, got type=" + typeof value);
  }
  if (!Number.isSafeInteger(value)) {
    const prefix = title && `"${title}" `;
    throw new RangeError(prefix + "expected safe integer, got " + value);
  }
}
function numberToHexUnpadded(num) {
  const hex2 = abignumber(num).toString(16);
  return hex2.length & 1 ? "0" + hex2 : hex2;
}
function hexToNumber(hex2) {
  if (typeof hex2 !== "string")
    throw new TypeError("hex string expected, got " + typeof hex2);
  return hex2 === "" ? _0n : BigInt("0x" + hex2);
}
function bytesToNumberBE(bytes) {
  return hexToNumber(bytesToHex2(bytes));
}
function bytesToNumberLE2(bytes) {
  return hexToNumber(bytesToHex2(copyBytes(abytes2(bytes)).reverse()));
}
function numberToBytesBE(n, len) {
  anumber(len);
  if (len === 0)
    throw new Error("zero output length is invalid");
  n = abignumber(n);
  const expectedLen = len * 2;
  const hex2 = n.toString(16);
  if (hex2.length > expectedLen)
    throw new RangeError("number is too large");
  return hexToBytes2(hex2.padStart(expectedLen, "0"));
}
function numberToBytesLE(n, len) {
  return numberToBytesBE(n, len).reverse();
}
function copyBytes(bytes) {
  return Uint8Array.from(abytes3(bytes));
}
function isPosBig(n) {
  return typeof n === "bigint" && _0n <= n;
}
function inRange(n, min, max) {
  return isPosBig(n) && isPosBig(min) && isPosBig(max) && min <= n && n < max;
}
function aInRange(title, n, min, max) {
  if (!inRange(n, min, max))
    throw new RangeError("expected valid " + title + ": " + min + " <= n < " + max + ", got " + n);
}
function bitLen(n) {
  if (n < _0n)
    throw new Error("expected non-negative bigint, got " + n);
  return n === _0n ? 0 : n.toString(2).length;
}
function createHmacDrbg(hashLen, qByteLen, hmacFn) {
  anumber(hashLen, "hashLen");
  anumber(qByteLen, "qByteLen");
  if (typeof hmacFn !== "function")
    throw new TypeError("hmacFn must be a function");
  const u8n = (len) => new Uint8Array(len);
  const NULL = Uint8Array.of();
  const byte0 = Uint8Array.of(0);
  const byte1 = Uint8Array.of(1);
  const _maxDrbgIters = 1e3;
  let v = u8n(hashLen);
  let k = u8n(hashLen);
  let i = 0;
  const reset = () => {
    v.fill(1);
    k.fill(0);
    i = 0;
  };
  const h = (...msgs) => hmacFn(k, concatBytes3(v, ...msgs));
  const reseed = (seed = NULL) => {
    k = h(byte0, seed);
    v = h();
    if (seed.length === 0)
      return;
    k = h(byte1, seed);
    v = h();
  };
  const gen = () => {
    if (i++ >= _maxDrbgIters)
      throw new Error("drbg: tried max amount of iterations");
    let len = 0;
    const out = [];
    while (len < qByteLen) {
      v = h();
      const sl = v.slice();
      out.push(sl);
      len += v.length;
    }
    return concatBytes3(...out);
  };
  const genUntil = (seed, pred) => {
    reset();
    reseed(seed);
    let res = void 0;
    while ((res = pred(gen())) === void 0)
      reseed();
    reset();
    return res;
  };
  return genUntil;
}
function validateObject(object, fields2 = {}, optFields = {}, title = "object") {
  aobject2(object, title);
  aobject2(fields2, "fields");
  aobject2(optFields, "optFields");
  function checkField(fieldName, expectedType, isOpt) {
    const label = title === "object" ? `param "${String(fieldName)}"` : `"${title}.${String(fieldName)}"`;
    const val = object[fieldName];
    if (!Object.hasOwn(object, fieldName) && (isOpt ? val !== void 0 : expectedType !== "function")) {
      throw new TypeError(`${label} is invalid: expected own property`);
    }
    if (isOpt && val === void 0)
      return;
    const current = typeof val;
    if (current !== expectedType || val === null)
      throw new TypeError(`${label} is invalid: expected ${expectedType}, got ${current}`);
  }
  const iter = (f, isOpt) => Object.entries(f).forEach(([k, v]) => checkField(k, v, isOpt));
  iter(fields2, false);
  iter(optFields, true);
}
var abytes3, anumber2, bytesToHex3, concatBytes3, hexToBytes3, isBytes3, randomBytes2, _0n, _1n, atitle2, bitMask;
var init_utils2 = __esm({
  "node_modules/@noble/curves/utils.js"() {
    init_buffer();
    init_utils();
    abytes3 = (value, length, title) => abytes2(value, length, title);
    anumber2 = anumber;
    bytesToHex3 = bytesToHex2;
    concatBytes3 = (...arrays) => concatBytes2(...arrays);
    hexToBytes3 = (hex2) => hexToBytes2(hex2);
    isBytes3 = isBytes2;
    randomBytes2 = (bytesLength) => randomBytes(bytesLength);
    _0n = /* @__PURE__ */ BigInt(0);
    _1n = /* @__PURE__ */ BigInt(1);
    atitle2 = (title) => title ? `"${title}" ` : "";
    bitMask = (n) => {
      asafenumber(n, "n");
      return (_1n << BigInt(n)) - _1n;
    };
  }
});

// node_modules/@noble/curves/abstract/modular.js
function mod2(a, b) {
  if (b <= _0n2)
    throw new Error("mod: expected positive modulus, got " + b);
  const result = a % b;
  return result >= _0n2 ? result : b + result;
}
function pow(num, power, modulo) {
  if (modulo <= _1n2)
    throw new Error("pow: expected modulus > 1, got " + modulo);
  if (typeof power !== "bigint")
    throw new TypeError("invalid exponent: expected bigint, got " + typeof power);
  if (power < _0n2)
    throw new Error("invalid exponent, negatives unsupported");
  if (power === _0n2)
    return _1n2;
  if (power === _1n2)
    return num;
  let d = num % modulo;
  if (d < _0n2)
    d += modulo;
  if (power < POW_WINDOWED_MIN) {
    let p2 = _1n2;
    while (power > _0n2) {
      if (power & _1n2)
        p2 = p2 * d % modulo;
      d = d * d % modulo;
      power >>= _1n2;
    }
    return p2;
  }
  const digits = [];
  while (power > _0n2) {
    digits.push(Number(power & _15n));
    power >>= _4n;
  }
  const table = new Array(16);
  table[0] = _1n2;
  table[1] = d;
  for (let i = 2; i < 16; i++)
    table[i] = table[i - 1] * d % modulo;
  let p = table[digits[digits.length - 1]];
  for (let w = digits.length - 2; w >= 0; w--) {
    p = p * p % modulo;
    p = p * p % modulo;
    p = p * p % modulo;
    p = p * p % modulo;
    const digit = digits[w];
    if (digit !== 0)
      p = p * table[digit] % modulo;
  }
  return p;
}
function invert2(number, modulo) {
  if (number === _0n2)
    throw new Error("invert: expected non-zero number");
  if (modulo <= _1n2)
    throw new Error("invert: expected modulus > 1, got " + modulo);
  let a = mod2(number, modulo);
  let b = modulo;
  let x = _0n2, u = _1n2;
  while (a !== _0n2) {
    const q = b / a;
    const r = b - a * q;
    const m = x - u * q;
    b = a, a = r, x = u, u = m;
  }
  const gcd = b;
  if (gcd !== _1n2)
    throw new Error("invert: does not exist");
  return mod2(x, modulo);
}
function invertCt(a, prime) {
  if (prime <= _1n2)
    throw new Error("invertCt: expected prime modulus > 1, got " + prime);
  const an = mod2(a, prime);
  if (an === _0n2)
    throw new Error("invertCt: expected non-zero number");
  const inverse = pow(an, prime - _2n, prime);
  if (mod2(an * inverse, prime) !== _1n2)
    throw new Error("invertCt: does not exist");
  return inverse;
}
function assertIsSquare(Fp, root, n) {
  const F = Fp;
  if (!F.eql(F.sqr(root), n))
    throw new Error("Cannot find square root");
}
function aoddModulus(order, fnName) {
  if ((order & _1n2) === _0n2)
    throw new Error(fnName + ": expected odd modulus, got " + order);
}
function sqrt3mod4(Fp, n) {
  const F = Fp;
  const p1div4 = (F.ORDER + _1n2) / _4n;
  const root = F.pow(n, p1div4);
  assertIsSquare(F, root, n);
  return root;
}
function sqrt5mod8(Fp, n) {
  const F = Fp;
  const p5div8 = (F.ORDER - _5n) / _8n;
  const n2 = F.mul(n, _2n);
  const v = F.pow(n2, p5div8);
  const nv = F.mul(n, v);
  const i = F.mul(F.mul(nv, _2n), v);
  const root = F.mul(nv, F.sub(i, F.ONE));
  assertIsSquare(F, root, n);
  return root;
}
function sqrt9mod16(P2) {
  const Fp_ = Field(P2);
  const tn = tonelliShanks(P2);
  const c1 = tn(Fp_, Fp_.neg(Fp_.ONE));
  const c2 = tn(Fp_, c1);
  const c3 = tn(Fp_, Fp_.neg(c1));
  const c4 = (P2 + _7n) / _16n;
  return ((Fp, n) => {
    const F = Fp;
    let tv1 = F.pow(n, c4);
    let tv2 = F.mul(tv1, c1);
    const tv3 = F.mul(tv1, c2);
    const tv4 = F.mul(tv1, c3);
    const e1 = F.eql(F.sqr(tv2), n);
    const e2 = F.eql(F.sqr(tv3), n);
    tv1 = F.cmov(tv1, tv2, e1);
    tv2 = F.cmov(tv4, tv3, e2);
    const e3 = F.eql(F.sqr(tv2), n);
    const root = F.cmov(tv1, tv2, e3);
    assertIsSquare(F, root, n);
    return root;
  });
}
function tonelliShanks(P2) {
  if (P2 < _3n)
    throw new Error("sqrt is not defined for small field");
  aoddModulus(P2, "tonelliShanks");
  let Q = P2 - _1n2;
  let S = 0;
  while (Q % _2n === _0n2) {
    Q /= _2n;
    S++;
  }
  let Z = _2n;
  const _Fp = Field(P2);
  while (FpLegendre(_Fp, Z) === 1) {
    if (Z++ > 1e3)
      throw new Error("Cannot find square root: probably non-prime P");
  }
  if (S === 1)
    return sqrt3mod4;
  let cc = _Fp.pow(Z, Q);
  const Q1div2 = (Q + _1n2) / _2n;
  return function tonelliSlow(Fp, n) {
    const F = Fp;
    if (F.is0(n))
      return n;
    if (FpLegendre(F, n) !== 1)
      throw new Error("Cannot find square root");
    let M = S;
    let c = F.mul(F.ONE, cc);
    let t = F.pow(n, Q);
    let R = F.pow(n, Q1div2);
    while (!F.eql(t, F.ONE)) {
      if (F.is0(t))
        throw new Error("Cannot find square root: probably non-prime P");
      let i = 1;
      let t_tmp = F.sqr(t);
      while (!F.eql(t_tmp, F.ONE)) {
        i++;
        t_tmp = F.sqr(t_tmp);
        if (i === M)
          throw new Error("Cannot find square root");
      }
      const exponent = _1n2 << BigInt(M - i - 1);
      const b = F.pow(c, exponent);
      M = i;
      c = F.sqr(b);
      t = F.mul(t, c);
      R = F.mul(R, b);
    }
    return R;
  };
}
function FpSqrt(P2) {
  aoddModulus(P2, "Fp.sqrt");
  if (P2 % _4n === _3n)
    return sqrt3mod4;
  if (P2 % _8n === _5n)
    return sqrt5mod8;
  if (P2 % _16n === _9n)
    return sqrt9mod16(P2);
  return tonelliShanks(P2);
}
function validateField(field) {
  aobject2(field, "field");
  if (typeof field.ORDER !== "bigint")
    throw new TypeError('param "ORDER" is invalid: expected bigint, got ' + typeof field.ORDER);
  asafenumber(field.BYTES, "BYTES");
  asafenumber(field.BITS, "BITS");
  for (const name of FIELD_FIELDS)
    afunction(field[name], "field." + name);
  if (field.BYTES < 1 || field.BITS < 1)
    throw new Error("invalid field: expected BYTES/BITS > 0");
  if (field.ORDER <= _1n2)
    throw new Error("invalid field: expected ORDER > 1, got " + field.ORDER);
  return field;
}
function FpInvertBatch(Fp, nums, passZero = false) {
  validateField(Fp);
  aarray(nums, "nums");
  abool(passZero, "passZero");
  const F = Fp;
  const inverted = new Array(nums.length).fill(passZero ? F.ZERO : void 0);
  const multipliedAcc = nums.reduce((acc, num, i) => {
    if (F.is0(num))
      return acc;
    inverted[i] = acc;
    return F.mul(acc, num);
  }, F.ONE);
  const invertedAcc = F.inv(multipliedAcc);
  nums.reduceRight((acc, num, i) => {
    if (F.is0(num))
      return acc;
    inverted[i] = F.mul(acc, inverted[i]);
    return F.mul(acc, num);
  }, invertedAcc);
  return inverted;
}
function FpLegendre(Fp, n) {
  validateField(Fp);
  const F = Fp;
  aoddModulus(F.ORDER, "FpLegendre");
  const p1mod2 = (F.ORDER - _1n2) / _2n;
  const powered = F.pow(n, p1mod2);
  const yes = F.eql(powered, F.ONE);
  const zero = F.eql(powered, F.ZERO);
  const no = F.eql(powered, F.neg(F.ONE));
  if (!yes && !zero && !no)
    throw new Error("invalid Legendre symbol result");
  return yes ? 1 : zero ? 0 : -1;
}
function nLength(n, nBitLength) {
  if (nBitLength !== void 0)
    anumber2(nBitLength);
  if (n <= _0n2)
    throw new Error("invalid n length: expected positive n, got " + n);
  if (nBitLength !== void 0 && nBitLength < 1)
    throw new Error("invalid n length: expected positive bit length, got " + nBitLength);
  const bits = bitLen(n);
  if (nBitLength !== void 0 && nBitLength < bits)
    throw new Error(`invalid n length: expected nBitLength (${nBitLength}) >= bitLen(n) (${bits})`);
  const _nBitLength = nBitLength !== void 0 ? nBitLength : bits;
  const nByteLength = Math.ceil(_nBitLength / 8);
  return { nBitLength: _nBitLength, nByteLength };
}
function Field(ORDER, opts = {}) {
  Object.freeze(_Field.prototype);
  return new _Field(ORDER, opts);
}
function getFieldBytesLength(fieldOrder) {
  if (typeof fieldOrder !== "bigint")
    throw new Error("field order must be bigint");
  if (fieldOrder <= _1n2)
    throw new Error("field order must be greater than 1");
  const bitLength = bitLen(fieldOrder - _1n2);
  return Math.ceil(bitLength / 8);
}
function getMinHashLength(fieldOrder) {
  const length = getFieldBytesLength(fieldOrder);
  return length + Math.ceil(length / 2);
}
function mapHashToField(key, fieldOrder, isLE = false) {
  abytes3(key);
  const len = key.length;
  const fieldLen = getFieldBytesLength(fieldOrder);
  const minLen = Math.max(getMinHashLength(fieldOrder), 16);
  if (len < minLen || len > 1024)
    throw new Error("expected " + minLen + "-1024 bytes of input, got " + len);
  const num = isLE ? bytesToNumberLE2(key) : bytesToNumberBE(key);
  const reduced = mod2(num, fieldOrder - _1n2) + _1n2;
  return isLE ? numberToBytesLE(reduced, fieldLen) : numberToBytesBE(reduced, fieldLen);
}
var _0n2, _1n2, _2n, _3n, _4n, _5n, _7n, _8n, _9n, _15n, _16n, POW_WINDOWED_MIN, FIELD_FIELDS, FIELD_SQRT, _Field;
var init_modular = __esm({
  "node_modules/@noble/curves/abstract/modular.js"() {
    init_buffer();
    init_utils2();
    _0n2 = /* @__PURE__ */ BigInt(0);
    _1n2 = /* @__PURE__ */ BigInt(1);
    _2n = /* @__PURE__ */ BigInt(2);
    _3n = /* @__PURE__ */ BigInt(3);
    _4n = /* @__PURE__ */ BigInt(4);
    _5n = /* @__PURE__ */ BigInt(5);
    _7n = /* @__PURE__ */ BigInt(7);
    _8n = /* @__PURE__ */ BigInt(8);
    _9n = /* @__PURE__ */ BigInt(9);
    _15n = /* @__PURE__ */ BigInt(15);
    _16n = /* @__PURE__ */ BigInt(16);
    POW_WINDOWED_MIN = /* @__PURE__ */ BigInt("0x10000000000000000");
    FIELD_FIELDS = [
      "create",
      "isValid",
      "is0",
      "neg",
      "inv",
      "sqrt",
      "sqr",
      "eql",
      "add",
      "sub",
      "mul",
      "pow",
      "div",
      "addN",
      "subN",
      "mulN",
      "sqrN"
    ];
    FIELD_SQRT = /* @__PURE__ */ new WeakMap();
    _Field = class {
      ORDER;
      BITS;
      BYTES;
      isLE;
      ZERO = _0n2;
      ONE = _1n2;
      _lengths;
      _mod;
      constructor(ORDER, opts = {}) {
        if (ORDER <= _1n2)
          throw new Error("invalid field: expected ORDER > 1, got " + ORDER);
        let _nbitLength = void 0;
        this.isLE = false;
        if (opts != null && typeof opts === "object") {
          if (typeof opts.BITS === "number")
            _nbitLength = opts.BITS;
          if (typeof opts.sqrt === "function")
            Object.defineProperty(this, "sqrt", { value: opts.sqrt, enumerable: true });
          if (typeof opts.isLE === "boolean")
            this.isLE = opts.isLE;
          if (opts.allowedLengths)
            this._lengths = Object.freeze(opts.allowedLengths.slice());
          if (typeof opts.modFromBytes === "boolean")
            this._mod = opts.modFromBytes;
        }
        const { nBitLength, nByteLength } = nLength(ORDER, _nbitLength);
        if (nByteLength > 2048)
          throw new Error("invalid field: expected ORDER of <= 2048 bytes");
        this.ORDER = ORDER;
        this.BITS = nBitLength;
        this.BYTES = nByteLength;
        Object.freeze(this);
      }
      create(num) {
        return mod2(num, this.ORDER);
      }
      isValid(num) {
        if (typeof num !== "bigint")
          throw new TypeError("invalid field element: expected bigint, got " + typeof num);
        return _0n2 <= num && num < this.ORDER;
      }
      is0(num) {
        return num === _0n2;
      }
      // is valid and invertible
      isValidNot0(num) {
        return !this.is0(num) && this.isValid(num);
      }
      isOdd(num) {
        return (num & _1n2) === _1n2;
      }
      neg(num) {
        return mod2(-num, this.ORDER);
      }
      eql(lhs, rhs) {
        return lhs === rhs;
      }
      sqr(num) {
        return mod2(num * num, this.ORDER);
      }
      add(lhs, rhs) {
        return mod2(lhs + rhs, this.ORDER);
      }
      sub(lhs, rhs) {
        return mod2(lhs - rhs, this.ORDER);
      }
      mul(lhs, rhs) {
        return mod2(lhs * rhs, this.ORDER);
      }
      pow(num, power) {
        return pow(num, power, this.ORDER);
      }
      div(lhs, rhs) {
        return mod2(lhs * invert2(rhs, this.ORDER), this.ORDER);
      }
      // Same as above, but doesn't normalize
      sqrN(num) {
        return num * num;
      }
      addN(lhs, rhs) {
        return lhs + rhs;
      }
      subN(lhs, rhs) {
        return lhs - rhs;
      }
      mulN(lhs, rhs) {
        return lhs * rhs;
      }
      inv(num) {
        return invert2(num, this.ORDER);
      }
      sqrt(num) {
        let sqrt = FIELD_SQRT.get(this);
        if (!sqrt)
          FIELD_SQRT.set(this, sqrt = FpSqrt(this.ORDER));
        return sqrt(this, num);
      }
      toBytes(num) {
        return this.isLE ? numberToBytesLE(num, this.BYTES) : numberToBytesBE(num, this.BYTES);
      }
      fromBytes(bytes, skipValidation = false) {
        abytes3(bytes);
        const { _lengths: allowedLengths, BYTES, isLE, ORDER, _mod: modFromBytes } = this;
        if (allowedLengths) {
          if (bytes.length < 1 || !allowedLengths.includes(bytes.length) || bytes.length > BYTES) {
            throw new Error("Field.fromBytes: expected " + allowedLengths + " bytes, got " + bytes.length);
          }
          const padded = new Uint8Array(BYTES);
          padded.set(bytes, isLE ? 0 : padded.length - bytes.length);
          bytes = padded;
        }
        if (bytes.length !== BYTES)
          throw new Error("Field.fromBytes: expected " + BYTES + " bytes, got " + bytes.length);
        let scalar = isLE ? bytesToNumberLE2(bytes) : bytesToNumberBE(bytes);
        if (modFromBytes)
          scalar = mod2(scalar, ORDER);
        if (!skipValidation) {
          if (!this.isValid(scalar))
            throw new Error("invalid field element: outside of range 0..ORDER");
        }
        return scalar;
      }
      // TODO: we don't need it here, move out to separate fn
      invertBatch(lst) {
        return FpInvertBatch(this, lst, true);
      }
      // We can't move this out because Fp6, Fp12 implement it
      // and it's unclear what to return in there.
      cmov(a, b, condition) {
        abool(condition, "condition");
        return condition ? b : a;
      }
    };
  }
});

// node_modules/@noble/curves/abstract/curve.js
function validatePointCons(Point2) {
  const pc = Point2;
  if (typeof pc !== "function")
    throw new TypeError('"Point" expected constructor, got type=' + typeof Point2);
  afunction(pc.fromAffine, "Point.fromAffine");
  afunction(pc.fromBytes, "Point.fromBytes");
  afunction(pc.fromHex, "Point.fromHex");
  aobject2(pc.BASE, "Point.BASE");
  aobject2(pc.ZERO, "Point.ZERO");
  validateField(pc.Fp);
  validateField(pc.Fn);
}
function normalizeZ(c, points) {
  validatePointCons(c);
  validateMSMPoints(points, c);
  const invertedZs = FpInvertBatch(c.Fp, points.map((p) => p.Z));
  return points.map((p, i) => c.fromAffine(p.toAffine(invertedZs[i])));
}
function validateW(W, bits, min = 1) {
  if (!Number.isSafeInteger(W) || W < min || W > bits)
    throw new Error("invalid window size, expected [" + min + ".." + bits + "], got W=" + W);
}
function validateTableBytes(numPoints, fpBytes) {
  const bytes = numPoints * (4 * fpBytes + 128);
  if (bytes > TABLE_BYTES_MAX)
    throw new Error("invalid window size: table would need ~" + Math.ceil(bytes / 2 ** 20) + " MiB, max " + TABLE_BYTES_MAX / 2 ** 20 + " MiB");
}
function probeRandomBytes(randomBytes4, length) {
  if (randomBytes4 === void 0)
    return void 0;
  afunction(randomBytes4, "randomBytes");
  try {
    const probe = randomBytes4(length);
    if (!isBytes3(probe) || probe.length !== length)
      return void 0;
  } catch {
    return void 0;
  }
  return randomBytes4;
}
function validateMSMPoints(points, c) {
  aarray(points, "points");
  points.forEach((p, i) => {
    if (!(p instanceof c))
      throw new Error("invalid point at index " + i);
  });
}
function validateMSMScalars(scalars, field, maxScalar) {
  if (!Array.isArray(scalars))
    throw new Error("array of scalars expected");
  scalars.forEach((s, i) => {
    const ok = maxScalar === void 0 ? field.isValid(s) : isPosBig(s) && s < maxScalar;
    if (!ok)
      throw new Error("invalid scalar at index " + i);
  });
}
function getWindowSize(P2) {
  return pointWindowSizes.get(P2) || 1;
}
function oddMultiples(p, size) {
  const dbl = p.double();
  const t = [p];
  for (let j = 1; j < size; j++)
    t.push(t[j - 1].add(dbl));
  return t;
}
function wnafDigits(n, W) {
  const size = 2 ** W;
  const half = size / 2;
  const mask = BigInt(size - 1);
  const d = [];
  while (n > _0n3) {
    let w = 0;
    if (n & _1n3) {
      w = Number(n & mask);
      if (w >= half)
        w -= size;
      n -= BigInt(w);
    }
    d.push(w);
    n >>= _1n3;
  }
  return d;
}
function signedWindowDigits(n, W, windows) {
  const size = 2 ** W;
  const half = size / 2;
  const mask = BigInt(size - 1);
  const shiftBy = BigInt(W);
  const d = [];
  for (let w = 0; w < windows; w++) {
    let v = Number(n & mask);
    n >>= shiftBy;
    if (v > half) {
      v -= size;
      n += _1n3;
    }
    d.push(v);
  }
  if (n !== _0n3)
    throw new Error("invalid wnaf");
  return d;
}
function wnafWalk(zero, tables, digits) {
  let max = 0;
  for (const d of digits)
    max = Math.max(max, d.length);
  let acc = zero;
  for (let bit = max - 1; bit >= 0; bit--) {
    if (bit !== max - 1)
      acc = acc.double();
    for (let i = 0; i < digits.length; i++) {
      const w = digits[i][bit];
      if (w) {
        const item = tables[i][Math.abs(w) - 1 >> 1];
        acc = acc.add(w < 0 ? item.negate() : item);
      }
    }
  }
  return acc;
}
function mulAddUnsafe(c, points, scalars, allowOversized = false) {
  validatePointCons(c);
  validateMSMPoints(points, c);
  abool(allowOversized, "allowOversized");
  validateMSMScalars(scalars, c.Fn, allowOversized ? c.Fn.ORDER ** _4n2 : void 0);
  if (points.length !== scalars.length)
    throw new Error("arrays of points and scalars must have equal length");
  const tables = points.map((p) => oddMultiples(p, 4));
  const digits = scalars.map((n) => wnafDigits(n, 4));
  return wnafWalk(c.ZERO, tables, digits);
}
function createField(order, field, isLE) {
  if (field) {
    if (field.ORDER !== order)
      throw new Error("Field.ORDER must match order: Fp == p, Fn == n");
    validateField(field);
    return field;
  } else {
    return Field(order, { isLE });
  }
}
function createCurveFields(type, CURVE, curveOpts = {}, FpFnLE) {
  if (type !== "weierstrass" && type !== "edwards")
    throw new Error('expected curve type "weierstrass" or "edwards"');
  if (FpFnLE === void 0)
    FpFnLE = type === "edwards";
  if (!CURVE || typeof CURVE !== "object")
    throw new Error(`expected valid ${type} CURVE object`);
  validateObject(curveOpts);
  for (const p of ["p", "n", "h"]) {
    const val = CURVE[p];
    if (!(isPosBig(val) && val !== _0n3))
      throw new Error(`CURVE.${p} must be positive bigint`);
  }
  const Fp = createField(CURVE.p, curveOpts.Fp, FpFnLE);
  const Fn = createField(CURVE.n, curveOpts.Fn, FpFnLE);
  const _b = type === "weierstrass" ? "b" : "d";
  const params = ["Gx", "Gy", "a", _b];
  for (const p of params) {
    if (!Fp.isValid(CURVE[p]))
      throw new Error(`CURVE.${p} must be valid field element of CURVE.Fp`);
  }
  CURVE = Object.freeze(Object.assign({}, CURVE));
  return { CURVE, Fp, Fn };
}
function createKeygen(randomSecretKey, getPublicKey2) {
  return function keygen(seed) {
    const secretKey = randomSecretKey(seed);
    return { secretKey, publicKey: getPublicKey2(secretKey) };
  };
}
var _0n3, _1n3, _4n2, BLIND_BYTES, BLIND_BITS, FW_WINDOW, TABLE_BYTES_MAX, pointWindowSizes, ScalarMultiplier;
var init_curve = __esm({
  "node_modules/@noble/curves/abstract/curve.js"() {
    init_buffer();
    init_utils2();
    init_modular();
    _0n3 = /* @__PURE__ */ BigInt(0);
    _1n3 = /* @__PURE__ */ BigInt(1);
    _4n2 = /* @__PURE__ */ BigInt(4);
    BLIND_BYTES = 16;
    BLIND_BITS = 128;
    FW_WINDOW = 5;
    TABLE_BYTES_MAX = /* @__PURE__ */ (() => 2 ** 31)();
    pointWindowSizes = /* @__PURE__ */ new WeakMap();
    ScalarMultiplier = class {
      Point;
      BASE;
      ZERO;
      randomBytes;
      wnafPrecomputes = /* @__PURE__ */ new WeakMap();
      baseCanBeBlinded;
      bits;
      // Parametrized with a given Point class (not individual point)
      constructor(Point2, randomBytes4) {
        validatePointCons(Point2);
        this.randomBytes = probeRandomBytes(randomBytes4, BLIND_BYTES);
        this.Point = Point2;
        this.BASE = Point2.BASE;
        this.ZERO = Point2.ZERO;
        this.bits = Point2.Fn.BITS;
      }
      /**
       * Creates a signed fixed-window wNAF precomputation table: for every window w, the
       * multiples `[1..2^(W−1)]⋅2^(w⋅W)⋅P`, flattened. All doublings are baked into the table,
       * so cached multiplication is additions-only. `windows = ceil(bits/W) + 1`: the extra
       * window absorbs the final carry of signed-digit recoding.
       * For a 256-bit curve and W=6, the table is 44⋅32 = 1408 points.
       * @param point - Point instance
       * @param W - window size
       * @param bits - scalar bitlength the table must cover
       */
      buildWnafTable(point, W, bits) {
        const windows = Math.ceil(bits / W) + 1;
        const half = 2 ** (W - 1);
        const comp = [];
        let base = point;
        for (let w = 0; w < windows; w++) {
          let acc = base;
          for (let i = 0; i < half; i++) {
            comp.push(acc);
            acc = acc.add(base);
          }
          base = comp[comp.length - 1].double();
        }
        return { W, bits, windows, comp };
      }
      /**
       * Implements ec multiplication using precomputed signed fixed-window wNAF tables.
       * Constant-time: fixed window count with one table addition per window — zero digits feed
       * the fake accumulator — and no doublings; the lookup scans the whole window slice.
       * Scalar bounds are validated by the public entry points ({@link ScalarMultiplier.mulCT},
       * {@link ScalarMultiplier.mulCTBlinded}, {@link ScalarMultiplier.mulUnsafe});
       * signedWindowDigits throws if `n` exceeds the table.
       * @returns real and fake (for const-time) points
       */
      wnafCachedCT(precomputes, n) {
        const { W, windows, comp } = precomputes;
        const half = 2 ** (W - 1);
        const digits = signedWindowDigits(n, W, windows);
        let p = this.ZERO;
        let f = this.BASE;
        for (let w = 0; w < windows; w++) {
          const digit = digits[w];
          const start = w * half;
          const idx = Math.abs(digit) - 1;
          let sel = comp[start];
          for (let i = 1; i < half; i++)
            sel = i === idx ? comp[start + i] : sel;
          const neg = sel.negate();
          if (digit === 0)
            f = f.add(comp[start]);
          else
            p = p.add(digit < 0 ? neg : sel);
        }
        return { p, f };
      }
      // Cache key is point identity plus (W, bits); at most two entries exist per point (public-width
      // `Fn.BITS` and blinded `Fn.BITS + BLIND_BITS`). Callers must not reuse the same point with
      // incompatible `transform(...)` layouts and expect a separate cache entry.
      getWnafPrecomputes(W, point, bits, transform) {
        let entries = this.wnafPrecomputes.get(point);
        let comp = entries?.find((entry) => entry.W === W && entry.bits === bits);
        if (!comp) {
          comp = this.buildWnafTable(point, W, bits);
          if (typeof transform === "function")
            comp = { ...comp, comp: transform(comp.comp) };
          if (!entries) {
            entries = [];
            this.wnafPrecomputes.set(point, entries);
          }
          entries.push(comp);
        }
        return comp;
      }
      assertPoint(point) {
        if (!(point instanceof this.Point))
          throw new TypeError('"point" expected Point instance, got type=' + typeof point);
      }
      // Shared prologue of the constant-time entry points. Rejects scalar 0: in key/signature-style
      // callers a zero scalar means broken upstream plumbing, and concrete Points already reject it.
      // Uses inRange instead of Fn.isValidNot0: validateField() only certifies the arithmetic subset.
      validateMulInput(point, scalar) {
        this.assertPoint(point);
        if (!inRange(scalar, _1n3, this.Point.Fn.ORDER))
          throw new Error("invalid scalar");
      }
      // Constant-time dispatch shared by mulCT / mulCTBlinded. Un-precomputed points (W===1, e.g.
      // ECDH peer keys) skip building a throwaway cached table in favor of a small fixed-window
      // multiply. `n` must be < 2^bits.
      runCT(point, n, bits, transform) {
        const W = getWindowSize(point);
        if (W === 1)
          return this.fixedWindowCT(point, n, bits);
        return this.wnafCachedCT(this.getWnafPrecomputes(W, point, bits, transform), n);
      }
      mulCT(point, scalar, transform) {
        this.validateMulInput(point, scalar);
        return this.runCT(point, scalar, this.bits, transform);
      }
      mulCTBlinded(point, scalar, transform) {
        this.validateMulInput(point, scalar);
        if (this.randomBytes === void 0)
          throw new Error("randomBytes is required for scalar blinding");
        const bits = this.Point.Fn.BITS + BLIND_BITS;
        const blind = this.randomBytes(BLIND_BYTES);
        if (!isBytes3(blind) || blind.length !== BLIND_BYTES)
          throw new Error("randomBytes returned invalid byte array");
        blind[0] = blind[0] & 63 | 128;
        const n = scalar + bytesToNumberBE(blind) * this.Point.Fn.ORDER;
        return this.runCT(point, n, bits, transform);
      }
      /**
       * Constant-time multiplication `n*point` for an un-precomputed point, via a small fixed window.
       * A cached wNAF table only pays off when reused; a flat 2^FW_WINDOW table (`size-1` adds) is
       * far cheaper to build for a single use. The point-operation sequence is independent of `n`:
       * build the table, then per window exactly FW_WINDOW doublings, a data-oblivious scan over
       * every table entry, and one addition (adds the identity when the window digit is 0 — never
       * skipped).
       *
       * `n` must be `< 2^bits`. Assumes complete addition (adding the identity costs the same as any
       * add), which holds for the Weierstrass/Edwards point types used here. The table is left in
       * projective form (no normalizeZ): normalizing this small a table costs more than the
       * mixed-add savings it would buy for a single multiply.
       * @returns real point `p`; `f` duplicates it only to match {@link wnafCachedCT}'s return shape
       * (this path needs no fake accumulator — its op-count is already scalar-independent).
       */
      fixedWindowCT(point, n, bits) {
        const W = FW_WINDOW;
        const size = 1 << W;
        const mask = bitMask(W);
        const table = new Array(size);
        table[0] = this.ZERO;
        for (let i = 1; i < size; i++)
          table[i] = table[i - 1].add(point);
        const windows = Math.ceil(bits / W);
        let acc = this.ZERO;
        for (let window = windows - 1; window >= 0; window--) {
          if (window !== windows - 1)
            for (let d = 0; d < W; d++)
              acc = acc.double();
          const digit = Number(n >> BigInt(window * W) & mask);
          let sel = table[0];
          for (let i = 1; i < size; i++)
            sel = i === digit ? table[i] : sel;
          acc = acc.add(sel);
        }
        return { p: acc, f: acc };
      }
      shouldBlind(point, cofactor) {
        if (this.randomBytes === void 0)
          return false;
        if (cofactor === _1n3)
          return true;
        if (point !== this.BASE)
          return false;
        if (this.baseCanBeBlinded === void 0)
          this.baseCanBeBlinded = this.mulUnsafe(this.BASE, this.Point.Fn.ORDER).is0();
        return this.baseCanBeBlinded;
      }
      mulSecret(point, scalar, cofactor, transform) {
        return this.shouldBlind(point, cofactor) ? this.mulCTBlinded(point, scalar, transform) : this.mulCT(point, scalar, transform);
      }
      mulUnsafe(point, scalar, transform) {
        this.assertPoint(point);
        if (!isPosBig(scalar))
          throw new Error("invalid scalar");
        const W = getWindowSize(point);
        if (W === 1 || scalar >= this.Point.Fn.ORDER)
          return mulAddUnsafe(this.Point, [point], [scalar], true);
        const precomputes = this.getWnafPrecomputes(W, point, this.bits, transform);
        return this.wnafCachedCT(precomputes, scalar).p;
      }
      // Remembers the window size used for precomputed wNAF multiplication of the given point
      // and drops any previously built tables. Usually only the base point is precomputed.
      // W=1 resets the point to the un-precomputed (table-less) paths.
      // W is additionally capped so tables stay under ~2 GiB ({@link TABLE_BYTES_MAX}).
      setWindowSize(point, W) {
        this.assertPoint(point);
        validateW(W, this.bits);
        const windows = Math.ceil((this.bits + BLIND_BITS) / W) + 1;
        validateTableBytes(windows * 2 ** (W - 1), this.Point.Fp.BYTES);
        pointWindowSizes.set(point, W);
        this.wnafPrecomputes.delete(point);
      }
      // True when a window size is set: tables themselves are built lazily on first multiply.
      hasWindowSize(point) {
        return getWindowSize(point) !== 1;
      }
    };
  }
});

// node_modules/@noble/hashes/hmac.js
var _HMAC, hmac;
var init_hmac = __esm({
  "node_modules/@noble/hashes/hmac.js"() {
    init_buffer();
    init_utils();
    _HMAC = class {
      oHash;
      iHash;
      blockLen;
      outputLen;
      canXOF = false;
      finished = false;
      destroyed = false;
      constructor(hash, key) {
        ahash(hash);
        abytes2(key, void 0, "key");
        this.iHash = hash.create();
        if (typeof this.iHash.update !== "function")
          throw new Error("expected Hash instance");
        this.blockLen = this.iHash.blockLen;
        this.outputLen = this.iHash.outputLen;
        const blockLen = this.blockLen;
        const pad = new Uint8Array(blockLen);
        pad.set(key.length > blockLen ? hash.create().update(key).digest() : key);
        for (let i = 0; i < pad.length; i++)
          pad[i] ^= 54;
        this.iHash.update(pad);
        this.oHash = hash.create();
        for (let i = 0; i < pad.length; i++)
          pad[i] ^= 54 ^ 92;
        this.oHash.update(pad);
        clean(pad);
      }
      update(buf) {
        aexists(this);
        this.iHash.update(buf);
        return this;
      }
      digestInto(out) {
        aexists(this);
        aoutput(out, this);
        this.finished = true;
        const buf = out.subarray(0, this.outputLen);
        this.iHash.digestInto(buf);
        this.oHash.update(buf);
        this.oHash.digestInto(buf);
        this.destroy();
      }
      digest() {
        const out = new Uint8Array(this.oHash.outputLen);
        this.digestInto(out);
        return out;
      }
      _cloneInto(to) {
        to ||= Object.create(Object.getPrototypeOf(this), {});
        const { oHash, iHash, finished, destroyed, blockLen, outputLen, canXOF } = this;
        to = to;
        to.finished = finished;
        to.destroyed = destroyed;
        to.blockLen = blockLen;
        to.outputLen = outputLen;
        to.canXOF = canXOF;
        to.oHash = oHash._cloneInto(to.oHash);
        to.iHash = iHash._cloneInto(to.iHash);
        return to;
      }
      clone() {
        return this._cloneInto();
      }
      destroy() {
        this.destroyed = true;
        this.oHash.destroy();
        this.iHash.destroy();
      }
    };
    hmac = /* @__PURE__ */ (() => {
      const hmac_ = ((hash, key, message2) => new _HMAC(hash, key).update(message2).digest());
      hmac_.create = (hash, key) => new _HMAC(hash, key);
      return hmac_;
    })();
  }
});

// node_modules/@noble/curves/abstract/der.js
var _0n4, DERErr, _DER, DER;
var init_der = __esm({
  "node_modules/@noble/curves/abstract/der.js"() {
    init_buffer();
    init_utils2();
    _0n4 = /* @__PURE__ */ BigInt(0);
    DERErr = class extends Error {
      constructor(m = "") {
        super(m);
      }
    };
    _DER = {
      // asn.1 DER encoding utils
      Err: DERErr,
      // Basic building block is TLV (Tag-Length-Value)
      _tlv: {
        encode: (tag, data) => {
          const { Err: E } = _DER;
          asafenumber(tag, "tag");
          if (tag < 0 || tag > 255)
            throw new E("tlv.encode: wrong tag");
          astring(data, "data");
          if (data.length & 1)
            throw new E("tlv.encode: unpadded data");
          const dataLen = data.length / 2;
          const len = numberToHexUnpadded(dataLen);
          if (len.length / 2 & 128)
            throw new E("tlv.encode: long form length too big");
          const lenLen = dataLen > 127 ? numberToHexUnpadded(len.length / 2 | 128) : "";
          const t = numberToHexUnpadded(tag);
          return t + lenLen + len + data;
        },
        // v - value, l - left bytes (unparsed)
        decode(tag, data) {
          const { Err: E } = _DER;
          data = abytes3(data, void 0, "DER data");
          let pos = 0;
          if (tag < 0 || tag > 255)
            throw new E("tlv.decode: wrong tag");
          if (data.length < 2 || data[pos++] !== tag)
            throw new E("tlv.decode: wrong tlv");
          const first = data[pos++];
          const isLong = !!(first & 128);
          let length = 0;
          if (!isLong)
            length = first;
          else {
            const lenLen = first & 127;
            if (!lenLen)
              throw new E("tlv.decode(long): indefinite length not supported");
            if (lenLen > 4)
              throw new E("tlv.decode(long): byte length is too big");
            const lengthBytes = data.subarray(pos, pos + lenLen);
            if (lengthBytes.length !== lenLen)
              throw new E("tlv.decode: length bytes not complete");
            if (lengthBytes[0] === 0)
              throw new E("tlv.decode(long): zero leftmost byte");
            for (const b of lengthBytes)
              length = length << 8 | b;
            pos += lenLen;
            if (length < 128)
              throw new E("tlv.decode(long): not minimal encoding");
          }
          const v = data.subarray(pos, pos + length);
          if (v.length !== length)
            throw new E("tlv.decode: wrong value length");
          return { v, l: data.subarray(pos + length) };
        }
      },
      // https://crypto.stackexchange.com/a/57734 Leftmost bit of first byte is 'negative' flag,
      // since we always use positive integers here. It must always be empty:
      // - add zero byte if exists
      // - if next byte doesn't have a flag, leading zero is not allowed (minimal encoding)
      _int: {
        encode(num) {
          const { Err: E } = _DER;
          abignumber(num);
          if (num < _0n4)
            throw new E("integer: negative integers are not allowed");
          let hex2 = numberToHexUnpadded(num);
          if (Number.parseInt(hex2[0], 16) & 8)
            hex2 = "00" + hex2;
          if (hex2.length & 1)
            throw new E("unexpected DER parsing assertion: unpadded hex");
          return hex2;
        },
        decode(data) {
          const { Err: E } = _DER;
          if (data.length < 1)
            throw new E("invalid signature integer: empty");
          if (data[0] & 128)
            throw new E("invalid signature integer: negative");
          if (data.length > 1 && data[0] === 0 && !(data[1] & 128))
            throw new E("invalid signature integer: unnecessary leading zero");
          return bytesToNumberBE(data);
        }
      },
      toSig(bytes, maxScalarBytes) {
        const { Err: E, _int: int, _tlv: tlv } = _DER;
        if (maxScalarBytes !== void 0) {
          asafenumber(maxScalarBytes, "maxScalarBytes");
          if (maxScalarBytes < 1)
            throw new E("invalid signature: maxScalarBytes must be positive");
        }
        const data = abytes3(bytes, void 0, "signature");
        const { v: seqBytes, l: seqLeftBytes } = tlv.decode(48, data);
        if (seqLeftBytes.length)
          throw new E("invalid signature: left bytes after parsing");
        const { v: rBytes, l: rLeftBytes } = tlv.decode(2, seqBytes);
        const { v: sBytes, l: sLeftBytes } = tlv.decode(2, rLeftBytes);
        if (sLeftBytes.length)
          throw new E("invalid signature: left bytes after parsing");
        if (maxScalarBytes !== void 0 && (rBytes.length > maxScalarBytes || sBytes.length > maxScalarBytes))
          throw new E("invalid signature: integer too large");
        return { r: int.decode(rBytes), s: int.decode(sBytes) };
      },
      hexFromSig(sig) {
        const { _tlv: tlv, _int: int } = _DER;
        validateObject(sig, { r: "bigint", s: "bigint" }, {}, "sig");
        const rs = tlv.encode(2, int.encode(sig.r));
        const ss = tlv.encode(2, int.encode(sig.s));
        const seq = rs + ss;
        return tlv.encode(48, seq);
      }
    };
    DER = /* @__PURE__ */ (() => {
      Object.freeze(_DER._tlv);
      Object.freeze(_DER._int);
      return Object.freeze(_DER);
    })();
  }
});

// node_modules/@noble/curves/abstract/weierstrass.js
function _splitEndoScalar(k, basis, n) {
  aInRange("scalar", k, _0n5, n);
  const [[a1, b1], [a2, b2]] = basis;
  const c1 = divNearest(b2 * k, n);
  const c2 = divNearest(-b1 * k, n);
  let k1 = k - c1 * a1 - c2 * a2;
  let k2 = -c1 * b1 - c2 * b2;
  const k1neg = k1 < _0n5;
  const k2neg = k2 < _0n5;
  if (k1neg)
    k1 = -k1;
  if (k2neg)
    k2 = -k2;
  const MAX_NUM = bitMask(Math.ceil(bitLen(n) / 2)) + _1n4;
  if (k1 < _0n5 || k1 >= MAX_NUM || k2 < _0n5 || k2 >= MAX_NUM) {
    throw new Error("splitScalar (endomorphism): failed for k");
  }
  return { k1neg, k1, k2neg, k2 };
}
function validateSigFormat(format) {
  if (!["compact", "recovered", "der"].includes(format))
    throw new Error('Signature format must be "compact", "recovered", or "der"');
  return format;
}
function validateSigOpts(opts, def) {
  validateObject(opts);
  const optsn = {};
  for (let optName of Object.keys(def)) {
    optsn[optName] = opts[optName] === void 0 ? def[optName] : opts[optName];
  }
  abool(optsn.lowS, "lowS");
  abool(optsn.prehash, "prehash");
  if (optsn.format !== void 0)
    validateSigFormat(optsn.format);
  return optsn;
}
function weierstrass(params, extraOpts = {}) {
  const validated = createCurveFields("weierstrass", params, extraOpts);
  const Fp = validated.Fp;
  const Fn = validated.Fn;
  let CURVE = validated.CURVE;
  const { h: cofactor, n: CURVE_ORDER } = CURVE;
  validateObject(extraOpts, {}, {
    allowInfinityPoint: "boolean",
    clearCofactor: "function",
    isTorsionFree: "function",
    fromBytes: "function",
    toBytes: "function",
    endo: "object",
    randomBytes: "function"
  });
  const { endo: endoOpts, allowInfinityPoint, clearCofactor, isTorsionFree, fromBytes, toBytes: toBytes2 } = extraOpts;
  const randomBytes4 = extraOpts.randomBytes === void 0 ? randomBytes2 : extraOpts.randomBytes;
  if (endoOpts) {
    if (!Fp.is0(CURVE.a) || typeof endoOpts.beta !== "bigint" || !Array.isArray(endoOpts.basises)) {
      throw new Error('invalid endo: expected "beta": bigint and "basises": array');
    }
  }
  const endo = endoOpts ? {
    beta: endoOpts.beta,
    basises: endoOpts.basises.map((basis) => [...basis])
  } : void 0;
  const lengths = getWLengths(Fp, Fn);
  function assertCompressionIsSupported() {
    if (!Fp.isOdd)
      throw new Error("compression is not supported: Field does not have .isOdd()");
  }
  function pointToBytes(_c, point, isCompressed) {
    if (point.is0()) {
      if (!allowInfinityPoint)
        throw new Error("bad point: ZERO");
      return Uint8Array.of(0);
    }
    const { x, y } = point.toAffine();
    const bx = Fp.toBytes(x);
    abool(isCompressed, "isCompressed");
    if (isCompressed) {
      assertCompressionIsSupported();
      const hasEvenY = !Fp.isOdd(y);
      return concatBytes3(pprefix(hasEvenY), bx);
    } else {
      return concatBytes3(Uint8Array.of(4), bx, Fp.toBytes(y));
    }
  }
  function pointFromBytes(bytes) {
    abytes3(bytes, void 0, "Point");
    const { publicKey: comp, publicKeyUncompressed: uncomp } = lengths;
    const length = bytes.length;
    const head = bytes[0];
    const tail = bytes.subarray(1);
    if (allowInfinityPoint && length === 1 && head === 0)
      return { x: Fp.ZERO, y: Fp.ZERO };
    if (length === comp && (head === 2 || head === 3)) {
      const x = Fp.fromBytes(tail);
      if (!Fp.isValid(x))
        throw new Error("bad point: is not on curve, wrong x");
      const y2 = weierstrassEquation(x);
      let y;
      try {
        y = Fp.sqrt(y2);
      } catch (sqrtError) {
        const err = sqrtError instanceof Error ? ": " + sqrtError.message : "";
        throw new Error("bad point: is not on curve, sqrt error" + err);
      }
      assertCompressionIsSupported();
      const evenY = Fp.isOdd(y);
      const evenH = (head & 1) === 1;
      if (evenH !== evenY)
        y = Fp.neg(y);
      return { x, y };
    } else if (length === uncomp && head === 4) {
      const L2 = Fp.BYTES;
      const x = Fp.fromBytes(tail.subarray(0, L2));
      const y = Fp.fromBytes(tail.subarray(L2, L2 * 2));
      if (!isValidXY(x, y))
        throw new Error("bad point: is not on curve");
      return { x, y };
    } else {
      throw new Error(`bad point: got length ${length}, expected compressed=${comp} or uncompressed=${uncomp}`);
    }
  }
  const encodePoint = toBytes2 === void 0 ? pointToBytes : toBytes2;
  const decodePoint = fromBytes === void 0 ? pointFromBytes : fromBytes;
  const b3 = Fp.mul(CURVE.b, _3n2);
  const mulA = Fp.is0(CURVE.a) ? (_) => Fp.ZERO : (x) => Fp.mul(CURVE.a, x);
  function weierstrassEquation(x) {
    const x2 = Fp.sqr(x);
    const x3 = Fp.mul(x2, x);
    return Fp.add(Fp.add(x3, Fp.mul(x, CURVE.a)), CURVE.b);
  }
  function isValidXY(x, y) {
    const left = Fp.sqr(y);
    const right = weierstrassEquation(x);
    return Fp.eql(left, right);
  }
  if (!isValidXY(CURVE.Gx, CURVE.Gy))
    throw new Error("bad curve params: generator point");
  const _4a3 = Fp.mul(Fp.pow(CURVE.a, _3n2), _4n3);
  const _27b2 = Fp.mul(Fp.sqr(CURVE.b), BigInt(27));
  if (Fp.is0(Fp.add(_4a3, _27b2)))
    throw new Error("bad curve params: a or b");
  function acoord(title, n, banZero = false) {
    if (!Fp.isValid(n) || banZero && Fp.is0(n))
      throw new Error(`bad point coordinate ${title}`);
    return typeof n === "object" && n !== null ? Fp.create(n) : n;
  }
  function aprjpoint(other) {
    if (!(other instanceof Point2))
      throw new Error("Weierstrass Point expected");
  }
  function splitEndoScalarN(k) {
    if (!endo || !endo.basises)
      throw new Error("no endo");
    return _splitEndoScalar(k, endo.basises, Fn.ORDER);
  }
  function pushWnafPair(points, scalars, p, k) {
    if (!Fn.isValid(k))
      throw new RangeError("invalid scalar: out of range");
    if (endo) {
      const { k1neg, k1, k2neg, k2 } = splitEndoScalarN(k);
      const psi = new Point2(Fp.mul(p.X, endo.beta), p.Y, p.Z);
      points.push(k1neg ? p.negate() : p, k2neg ? psi.negate() : psi);
      scalars.push(k1, k2);
    } else {
      points.push(p);
      scalars.push(k);
    }
  }
  const validityCache = /* @__PURE__ */ new WeakSet();
  class Point2 {
    static BASE = new Point2(CURVE.Gx, CURVE.Gy, Fp.ONE);
    static ZERO = new Point2(Fp.ZERO, Fp.ONE, Fp.ZERO);
    static Fp = Fp;
    static Fn = Fn;
    X;
    Y;
    Z;
    /** Does NOT validate if the point is valid. Use `.assertValidity()`. */
    constructor(X, Y, Z) {
      this.X = acoord("x", X);
      this.Y = acoord("y", Y, true);
      this.Z = acoord("z", Z);
      Object.freeze(this);
    }
    static CURVE() {
      return CURVE;
    }
    /** Does NOT validate if the point is valid. Use `.assertValidity()`. */
    static fromAffine(p) {
      const { x, y } = p || {};
      if (!p || !Fp.isValid(x) || !Fp.isValid(y))
        throw new Error("invalid affine point");
      if (p instanceof Point2)
        throw new Error("projective point not allowed");
      if (Fp.is0(x) && Fp.is0(y))
        return Point2.ZERO;
      return new Point2(x, y, Fp.ONE);
    }
    static fromBytes(bytes) {
      const P2 = Point2.fromAffine(decodePoint(abytes3(bytes, void 0, "point")));
      P2.assertValidity();
      return P2;
    }
    static fromHex(hex2) {
      return Point2.fromBytes(hexToBytes3(hex2));
    }
    get x() {
      return this.toAffine().x;
    }
    get y() {
      return this.toAffine().y;
    }
    /**
     * @param isLazy - true will defer table computation until the first multiplication
     */
    precompute(windowSize = 6, isLazy = true) {
      wnaf.setWindowSize(this, windowSize);
      if (!isLazy)
        this.multiply(_3n2);
      return this;
    }
    // TODO: return `this`
    /** A point on curve is valid if it conforms to equation. */
    assertValidity() {
      const p = this;
      if (p.is0()) {
        if (allowInfinityPoint && Fp.is0(p.X) && Fp.eql(p.Y, Fp.ONE) && Fp.is0(p.Z))
          return;
        throw new Error("bad point: ZERO");
      }
      if (validityCache.has(p))
        return;
      const { x, y } = p.toAffine();
      if (!Fp.isValid(x) || !Fp.isValid(y))
        throw new Error("bad point: x or y not field elements");
      if (!isValidXY(x, y))
        throw new Error("bad point: equation left != right");
      if (!p.isTorsionFree())
        throw new Error("bad point: not in prime-order subgroup");
      validityCache.add(p);
    }
    hasEvenY() {
      const { y } = this.toAffine();
      if (!Fp.isOdd)
        throw new Error("Field doesn't support isOdd");
      return !Fp.isOdd(y);
    }
    /** Compare one point to another. */
    equals(other) {
      aprjpoint(other);
      const { X: X1, Y: Y1, Z: Z1 } = this;
      const { X: X2, Y: Y2, Z: Z2 } = other;
      const U1 = Fp.eql(Fp.mul(X1, Z2), Fp.mul(X2, Z1));
      const U2 = Fp.eql(Fp.mul(Y1, Z2), Fp.mul(Y2, Z1));
      return U1 && U2;
    }
    /** Flips point to one corresponding to (x, -y) in Affine coordinates. */
    negate() {
      return new Point2(this.X, Fp.neg(this.Y), this.Z);
    }
    // Renes-Costello-Batina exception-free doubling formula.
    // There is 30% faster Jacobian formula, but it is not complete.
    // https://eprint.iacr.org/2015/1060, algorithm 3
    // Cost: 8M + 3S + 3*a + 2*b3 + 15add.
    double() {
      const { X: X1, Y: Y1, Z: Z1 } = this;
      let X3 = Fp.ZERO, Y3 = Fp.ZERO, Z3 = Fp.ZERO;
      let t0 = Fp.mul(X1, X1);
      let t1 = Fp.mul(Y1, Y1);
      let t2 = Fp.mul(Z1, Z1);
      let t3 = Fp.mul(X1, Y1);
      t3 = Fp.add(t3, t3);
      Z3 = Fp.mul(X1, Z1);
      Z3 = Fp.add(Z3, Z3);
      X3 = mulA(Z3);
      Y3 = Fp.mul(b3, t2);
      Y3 = Fp.add(X3, Y3);
      X3 = Fp.sub(t1, Y3);
      Y3 = Fp.add(t1, Y3);
      Y3 = Fp.mul(X3, Y3);
      X3 = Fp.mul(t3, X3);
      Z3 = Fp.mul(b3, Z3);
      t2 = mulA(t2);
      t3 = Fp.sub(t0, t2);
      t3 = mulA(t3);
      t3 = Fp.add(t3, Z3);
      Z3 = Fp.add(t0, t0);
      t0 = Fp.add(Z3, t0);
      t0 = Fp.add(t0, t2);
      t0 = Fp.mul(t0, t3);
      Y3 = Fp.add(Y3, t0);
      t2 = Fp.mul(Y1, Z1);
      t2 = Fp.add(t2, t2);
      t0 = Fp.mul(t2, t3);
      X3 = Fp.sub(X3, t0);
      Z3 = Fp.mul(t2, t1);
      Z3 = Fp.add(Z3, Z3);
      Z3 = Fp.add(Z3, Z3);
      return new Point2(X3, Y3, Z3);
    }
    // Renes-Costello-Batina exception-free addition formula.
    // There is 30% faster Jacobian formula, but it is not complete.
    // https://eprint.iacr.org/2015/1060, algorithm 1
    // Cost: 12M + 0S + 3*a + 3*b3 + 23add.
    add(other) {
      aprjpoint(other);
      const { X: X1, Y: Y1, Z: Z1 } = this;
      const { X: X2, Y: Y2, Z: Z2 } = other;
      let X3 = Fp.ZERO, Y3 = Fp.ZERO, Z3 = Fp.ZERO;
      let t0 = Fp.mul(X1, X2);
      let t1 = Fp.mul(Y1, Y2);
      let t2 = Fp.mul(Z1, Z2);
      let t3 = Fp.add(X1, Y1);
      let t4 = Fp.add(X2, Y2);
      t3 = Fp.mul(t3, t4);
      t4 = Fp.add(t0, t1);
      t3 = Fp.sub(t3, t4);
      t4 = Fp.add(X1, Z1);
      let t5 = Fp.add(X2, Z2);
      t4 = Fp.mul(t4, t5);
      t5 = Fp.add(t0, t2);
      t4 = Fp.sub(t4, t5);
      t5 = Fp.add(Y1, Z1);
      X3 = Fp.add(Y2, Z2);
      t5 = Fp.mul(t5, X3);
      X3 = Fp.add(t1, t2);
      t5 = Fp.sub(t5, X3);
      Z3 = mulA(t4);
      X3 = Fp.mul(b3, t2);
      Z3 = Fp.add(X3, Z3);
      X3 = Fp.sub(t1, Z3);
      Z3 = Fp.add(t1, Z3);
      Y3 = Fp.mul(X3, Z3);
      t1 = Fp.add(t0, t0);
      t1 = Fp.add(t1, t0);
      t2 = mulA(t2);
      t4 = Fp.mul(b3, t4);
      t1 = Fp.add(t1, t2);
      t2 = Fp.sub(t0, t2);
      t2 = mulA(t2);
      t4 = Fp.add(t4, t2);
      t0 = Fp.mul(t1, t4);
      Y3 = Fp.add(Y3, t0);
      t0 = Fp.mul(t5, t4);
      X3 = Fp.mul(t3, X3);
      X3 = Fp.sub(X3, t0);
      t0 = Fp.mul(t3, t1);
      Z3 = Fp.mul(t5, Z3);
      Z3 = Fp.add(Z3, t0);
      return new Point2(X3, Y3, Z3);
    }
    subtract(other) {
      aprjpoint(other);
      return this.add(other.negate());
    }
    is0() {
      return this.equals(Point2.ZERO);
    }
    /**
     * Constant time multiplication.
     * Uses precomputed tables (signed fixed-window wNAF) when available.
     * Uses scalar blinding and avoids endomorphism splitting in the secret-scalar path.
     * @param scalar - by which the point would be multiplied
     * @returns New point
     */
    multiply(scalar) {
      if (!Fn.isValidNot0(scalar))
        throw new RangeError("invalid scalar: out of range");
      const { p, f } = wnaf.mulSecret(this, scalar, cofactor, normalize);
      return normalize([p, f])[0];
    }
    /**
     * Non-constant-time multiplication. Uses width-4 wNAF with GLV endomorphism splitting
     * when available (two half-width scalars sharing one halved doubling chain).
     * It's faster, but should only be used when you don't care about
     * an exposed secret key e.g. sig verification, which works over *public* keys.
     */
    multiplyUnsafe(scalar) {
      const p = this;
      const sc = scalar;
      if (!Fn.isValid(sc))
        throw new RangeError("invalid scalar: out of range");
      if (sc === _0n5 || p.is0())
        return Point2.ZERO;
      if (sc === _1n4)
        return p;
      if (wnaf.hasWindowSize(this))
        return wnaf.mulUnsafe(p, sc, normalize);
      const points = [];
      const scalars = [];
      pushWnafPair(points, scalars, p, sc);
      return mulAddUnsafe(Point2, points, scalars);
    }
    /**
     * Non-constant-time double-scalar multiplication `a⋅this + b⋅other` (Strauss–Shamir).
     * Both walks share one doubling chain via {@link mulAddUnsafe}, and GLV endomorphism
     * (when available) halves the chain again by splitting each scalar into two half-width
     * parts. Used by ECDSA verification and public-key recovery for `R = u1⋅G + u2⋅P`.
     * Only for public scalars.
     */
    mulAddUnsafe(a, other, b) {
      aprjpoint(other);
      const points = [];
      const scalars = [];
      pushWnafPair(points, scalars, this, a);
      pushWnafPair(points, scalars, other, b);
      return mulAddUnsafe(Point2, points, scalars);
    }
    /**
     * Converts Projective point to affine (x, y) coordinates.
     * (X, Y, Z) ∋ (x=X/Z, y=Y/Z).
     * @param invertedZ - Z^-1 (inverted zero) - optional, precomputation is useful for invertBatch
     */
    toAffine(invertedZ) {
      const p = this;
      let iz = invertedZ;
      if (iz != null && !Fp.isValid(iz))
        throw new RangeError('"invertedZ" expected valid field element');
      const { X, Y, Z } = p;
      if (Fp.eql(Z, Fp.ONE))
        return { x: X, y: Y };
      const is0 = p.is0();
      if (iz == null)
        iz = is0 ? Fp.ONE : Fp.inv(Z);
      const x = Fp.mul(X, iz);
      const y = Fp.mul(Y, iz);
      const zz = Fp.mul(Z, iz);
      if (is0)
        return { x: Fp.ZERO, y: Fp.ZERO };
      if (!Fp.eql(zz, Fp.ONE))
        throw new Error("invZ was invalid");
      return { x, y };
    }
    /**
     * Checks whether Point is free of torsion elements (is in prime subgroup).
     * Always torsion-free for cofactor=1 curves.
     */
    isTorsionFree() {
      if (cofactor === _1n4)
        return true;
      if (isTorsionFree)
        return isTorsionFree(Point2, this);
      return wnaf.mulUnsafe(this, CURVE_ORDER).is0();
    }
    clearCofactor() {
      if (cofactor === _1n4)
        return this;
      if (clearCofactor)
        return clearCofactor(Point2, this);
      return this.multiplyUnsafe(cofactor);
    }
    isSmallOrder() {
      if (cofactor === _1n4)
        return this.is0();
      return this.clearCofactor().is0();
    }
    toBytes(isCompressed = true) {
      abool(isCompressed, "isCompressed");
      this.assertValidity();
      return encodePoint(Point2, this, isCompressed);
    }
    toHex(isCompressed = true) {
      return bytesToHex3(this.toBytes(isCompressed));
    }
    toString() {
      return `<Point ${this.is0() ? "ZERO" : this.toHex()}>`;
    }
  }
  const normalize = (points) => normalizeZ(Point2, points);
  const wnaf = new ScalarMultiplier(Point2, randomBytes4);
  if (wnaf.bits >= 6)
    Point2.BASE.precompute(6);
  Object.freeze(Point2.prototype);
  Object.freeze(Point2);
  return Point2;
}
function pprefix(hasEvenY) {
  return Uint8Array.of(hasEvenY ? 2 : 3);
}
function getWLengths(Fp, Fn) {
  return {
    secretKey: Fn.BYTES,
    publicKey: 1 + Fp.BYTES,
    publicKeyUncompressed: 1 + 2 * Fp.BYTES,
    publicKeyHasPrefix: true,
    // Raw compact `(r || s)` signature width; DER and recovered signatures use
    // different lengths outside this helper.
    signature: 2 * Fn.BYTES
  };
}
function ecdh(Point2, ecdhOpts = {}) {
  validatePointCons(Point2);
  const { Fn } = Point2;
  const randomBytes_ = ecdhOpts.randomBytes === void 0 ? randomBytes2 : ecdhOpts.randomBytes;
  const lengths = Object.assign(getWLengths(Point2.Fp, Fn), {
    seed: Math.max(getMinHashLength(Fn.ORDER), 16)
  });
  function isValidSecretKey(secretKey) {
    try {
      const num = Fn.fromBytes(secretKey);
      return Fn.isValidNot0(num);
    } catch (error) {
      return false;
    }
  }
  function isValidPublicKey(publicKey, isCompressed) {
    const { publicKey: comp, publicKeyUncompressed } = lengths;
    try {
      const l = publicKey.length;
      if (isCompressed === true && l !== comp)
        return false;
      if (isCompressed === false && l !== publicKeyUncompressed)
        return false;
      return !Point2.fromBytes(publicKey).is0();
    } catch (error) {
      return false;
    }
  }
  function randomSecretKey(seed) {
    seed = seed === void 0 ? randomBytes_(lengths.seed) : seed;
    return mapHashToField(abytes3(seed, lengths.seed, "seed"), Fn.ORDER);
  }
  function getPublicKey2(secretKey, isCompressed = true) {
    return Point2.BASE.multiply(Fn.fromBytes(secretKey)).toBytes(isCompressed);
  }
  function isProbPub(item) {
    const { secretKey, publicKey, publicKeyUncompressed } = lengths;
    const allowedLengths = Fn._lengths;
    if (!isBytes3(item))
      return void 0;
    const l = abytes3(item, void 0, "key").length;
    const isPub = l === publicKey || l === publicKeyUncompressed;
    const isSec = l === secretKey || !!allowedLengths?.includes(l);
    if (isPub && isSec)
      return void 0;
    return isPub;
  }
  function getSharedSecret(secretKeyA, publicKeyB, isCompressed = true) {
    if (isProbPub(secretKeyA) === true)
      throw new Error("first arg must be private key");
    if (isProbPub(publicKeyB) === false)
      throw new Error("second arg must be public key");
    const s = Fn.fromBytes(secretKeyA);
    const b = Point2.fromBytes(publicKeyB);
    if (b.is0())
      throw new Error("invalid public key: point at infinity");
    return b.multiply(s).toBytes(isCompressed);
  }
  const utils = {
    isValidSecretKey,
    isValidPublicKey,
    randomSecretKey
  };
  const keygen = createKeygen(randomSecretKey, getPublicKey2);
  Object.freeze(utils);
  Object.freeze(lengths);
  return Object.freeze({ getPublicKey: getPublicKey2, getSharedSecret, keygen, Point: Point2, utils, lengths });
}
function ecdsa(Point2, hash, ecdsaOpts = {}) {
  validatePointCons(Point2);
  const hash_ = hash;
  ahash(hash_);
  validateObject(ecdsaOpts, {}, {
    hmac: "function",
    lowS: "boolean",
    randomBytes: "function",
    bits2int: "function",
    bits2int_modN: "function"
  });
  const opts = Object.assign({}, ecdsaOpts);
  const randomBytes4 = opts.randomBytes === void 0 ? randomBytes2 : opts.randomBytes;
  const hmac2 = opts.hmac === void 0 ? (key, msg) => hmac(hash_, key, msg) : opts.hmac;
  const { Fp, Fn } = Point2;
  const { ORDER: CURVE_ORDER, BITS: fnBits } = Fn;
  const blindLength = getMinHashLength(CURVE_ORDER);
  const csprng = probeRandomBytes(randomBytes4, blindLength);
  const { keygen, getPublicKey: getPublicKey2, getSharedSecret, utils, lengths } = ecdh(Point2, opts);
  const defaultSigOpts = {
    prehash: true,
    lowS: typeof opts.lowS === "boolean" ? opts.lowS : true,
    format: "compact",
    extraEntropy: false
  };
  const hasLargeRecoveryLifts = CURVE_ORDER * _2n2 + _1n4 < Fp.ORDER;
  function isBiggerThanHalfOrder(number) {
    const HALF = CURVE_ORDER >> _1n4;
    return number > HALF;
  }
  function validateRS(title, num) {
    if (!Fn.isValidNot0(num))
      throw new Error(`invalid signature ${title}: out of range 1..Point.Fn.ORDER`);
    return num;
  }
  function assertFieldSignIsSupported() {
    if (!Fp.isOdd)
      throw new Error("Field doesn't support isOdd");
  }
  function getRecoveryBit(x, y, r) {
    assertFieldSignIsSupported();
    return (x === r ? 0 : 2) | Number(Fp.isOdd(y));
  }
  function assertRecoverableCurve() {
    if (hasLargeRecoveryLifts)
      throw new Error('"recovered" sig type is not supported for cofactor >2 curves');
  }
  function validateSigLength(bytes, format) {
    validateSigFormat(format);
    const size = lengths.signature;
    const sizer = format === "compact" ? size : format === "recovered" ? size + 1 : void 0;
    return abytes3(bytes, sizer);
  }
  class Signature {
    r;
    s;
    recovery;
    constructor(r, s, recovery) {
      this.r = validateRS("r", r);
      this.s = validateRS("s", s);
      if (recovery != null) {
        assertRecoverableCurve();
        if (![0, 1, 2, 3].includes(recovery))
          throw new Error("invalid recovery id");
        this.recovery = recovery;
      }
      Object.freeze(this);
    }
    static fromBytes(bytes, format = defaultSigOpts.format) {
      validateSigLength(bytes, format);
      let recid;
      if (format === "der") {
        if (bytes.length > 2 * Fn.BYTES + 16)
          throw new DER.Err("invalid signature: DER signature too long");
        const { r: r2, s: s2 } = DER.toSig(abytes3(bytes), Fn.BYTES + 1);
        return new Signature(r2, s2);
      }
      if (format === "recovered") {
        recid = bytes[0];
        format = "compact";
        bytes = bytes.subarray(1);
      }
      const L2 = lengths.signature / 2;
      const r = bytes.subarray(0, L2);
      const s = bytes.subarray(L2, L2 * 2);
      return new Signature(Fn.fromBytes(r), Fn.fromBytes(s), recid);
    }
    static fromHex(hex2, format) {
      return this.fromBytes(hexToBytes3(hex2), format);
    }
    assertRecovery() {
      const { recovery } = this;
      if (recovery == null)
        throw new Error("invalid recovery id: must be present");
      return recovery;
    }
    addRecoveryBit(recovery) {
      return new Signature(this.r, this.s, recovery);
    }
    // Unlike the top-level helper below, this method expects a digest that has
    // already been hashed to the curve's message representative.
    recoverPublicKey(messageHash) {
      const { r, s } = this;
      const recovery = this.assertRecovery();
      const radj = recovery === 2 || recovery === 3 ? r + CURVE_ORDER : r;
      if (!Fp.isValid(radj))
        throw new Error("invalid recovery id: sig.r+curve.n != R.x");
      const x = Fp.toBytes(radj);
      const R = Point2.fromBytes(concatBytes3(pprefix((recovery & 1) === 0), x));
      const ir = Fn.inv(radj);
      const h = bits2int_modN(abytes3(messageHash, void 0, "msgHash"));
      const u1 = Fn.create(-h * ir);
      const u2 = Fn.create(s * ir);
      const Q = Point2.BASE.mulAddUnsafe(u1, R, u2);
      if (Q.is0())
        throw new Error("invalid recovery: point at infinify");
      Q.assertValidity();
      return Q;
    }
    // Signatures should be low-s, to prevent malleability.
    hasHighS() {
      return isBiggerThanHalfOrder(this.s);
    }
    toBytes(format = defaultSigOpts.format) {
      validateSigFormat(format);
      if (format === "der")
        return hexToBytes3(DER.hexFromSig(this));
      const { r, s } = this;
      const rb = Fn.toBytes(r);
      const sb = Fn.toBytes(s);
      if (format === "recovered") {
        assertRecoverableCurve();
        return concatBytes3(Uint8Array.of(this.assertRecovery()), rb, sb);
      }
      return concatBytes3(rb, sb);
    }
    toHex(format) {
      return bytesToHex3(this.toBytes(format));
    }
  }
  Object.freeze(Signature.prototype);
  Object.freeze(Signature);
  const bits2int = opts.bits2int === void 0 ? function bits2int_def(bytes) {
    if (bytes.length > 8192)
      throw new Error("input is too large");
    const num = bytesToNumberBE(bytes);
    const delta = bytes.length * 8 - fnBits;
    return delta > 0 ? num >> BigInt(delta) : num;
  } : opts.bits2int;
  const bits2int_modN = opts.bits2int_modN === void 0 ? function bits2int_modN_def(bytes) {
    return Fn.create(bits2int(bytes));
  } : opts.bits2int_modN;
  const ORDER_MASK = bitMask(fnBits);
  function int2octets(num) {
    aInRange("num < 2^" + fnBits, num, _0n5, ORDER_MASK);
    return Fn.toBytes(num);
  }
  function validateMsgAndHash(message2, prehash) {
    abytes3(message2, void 0, "message");
    return prehash ? abytes3(hash_(message2), void 0, "prehashed message") : message2;
  }
  function prepSig(message2, secretKey, opts2) {
    const { lowS, prehash, extraEntropy } = validateSigOpts(opts2, defaultSigOpts);
    message2 = validateMsgAndHash(message2, prehash);
    const h1int = bits2int_modN(message2);
    const d = Fn.fromBytes(secretKey);
    if (!Fn.isValidNot0(d))
      throw new Error("invalid private key");
    const seedArgs = [int2octets(d), int2octets(h1int)];
    if (extraEntropy != null && extraEntropy !== false) {
      const e = extraEntropy === true ? randomBytes4(lengths.secretKey) : extraEntropy;
      seedArgs.push(abytes3(e, void 0, "extraEntropy"));
    }
    const seed = concatBytes3(...seedArgs);
    const m = h1int;
    function k2sig(kBytes) {
      const k = bits2int(kBytes);
      if (!Fn.isValidNot0(k))
        return;
      const q = Point2.BASE.multiply(k).toAffine();
      const r = Fn.create(q.x);
      if (r === _0n5)
        return;
      let s;
      if (csprng !== void 0) {
        const b = bytesToNumberBE(mapHashToField(csprng(blindLength), CURVE_ORDER));
        const ibk = Fn.inv(Fn.mul(b, k));
        const bm = Fn.mul(b, m);
        const bd = Fn.mul(b, d);
        s = Fn.create(ibk * Fn.create(bm + bd * r));
      } else {
        const ik = invertCt(k, CURVE_ORDER);
        s = Fn.create(ik * Fn.create(m + r * d));
      }
      if (s === _0n5)
        return;
      let recovery = getRecoveryBit(q.x, q.y, r);
      let normS = s;
      if (lowS && isBiggerThanHalfOrder(s)) {
        normS = Fn.neg(s);
        recovery ^= 1;
      }
      return new Signature(r, normS, hasLargeRecoveryLifts ? void 0 : recovery);
    }
    return { seed, k2sig };
  }
  function sign3(message2, secretKey, opts2 = {}) {
    const { seed, k2sig } = prepSig(message2, secretKey, opts2);
    const drbg = createHmacDrbg(hash_.outputLen, Fn.BYTES, hmac2);
    const sig = drbg(seed, k2sig);
    return sig.toBytes(opts2.format);
  }
  function verify2(signature, message2, publicKey, opts2 = {}) {
    const { lowS, prehash, format } = validateSigOpts(opts2, defaultSigOpts);
    publicKey = abytes3(publicKey, void 0, "publicKey");
    message2 = validateMsgAndHash(message2, prehash);
    if (!isBytes3(signature)) {
      const end = signature instanceof Signature ? ", use sig.toBytes()" : "";
      throw new Error("verify expects Uint8Array signature" + end);
    }
    validateSigLength(signature, format);
    try {
      const sig = Signature.fromBytes(signature, format);
      const P2 = Point2.fromBytes(publicKey);
      if (P2.is0())
        return false;
      if (lowS && sig.hasHighS())
        return false;
      const { r, s } = sig;
      const h = bits2int_modN(message2);
      const is = Fn.inv(s);
      const u1 = Fn.create(h * is);
      const u2 = Fn.create(r * is);
      const R = Point2.BASE.mulAddUnsafe(u1, P2, u2);
      if (R.is0())
        return false;
      const q = R.toAffine();
      const v = Fn.create(q.x);
      if (v !== r)
        return false;
      if (format === "recovered" && sig.recovery !== getRecoveryBit(q.x, q.y, r))
        return false;
      return true;
    } catch (e) {
      return false;
    }
  }
  function recoverPublicKey(signature, message2, opts2 = {}) {
    const { prehash } = validateSigOpts(opts2, defaultSigOpts);
    message2 = validateMsgAndHash(message2, prehash);
    return Signature.fromBytes(signature, "recovered").recoverPublicKey(message2).toBytes();
  }
  return Object.freeze({
    keygen,
    getPublicKey: getPublicKey2,
    getSharedSecret,
    utils,
    lengths,
    Point: Point2,
    sign: sign3,
    verify: verify2,
    recoverPublicKey,
    Signature,
    hash: hash_
  });
}
var divNearest, _0n5, _1n4, _2n2, _3n2, _4n3;
var init_weierstrass = __esm({
  "node_modules/@noble/curves/abstract/weierstrass.js"() {
    init_buffer();
    init_hmac();
    init_utils();
    init_utils2();
    init_curve();
    init_der();
    init_modular();
    divNearest = (num, den) => (num + (num >= 0 ? den : -den) / _2n2) / den;
    _0n5 = /* @__PURE__ */ BigInt(0);
    _1n4 = /* @__PURE__ */ BigInt(1);
    _2n2 = /* @__PURE__ */ BigInt(2);
    _3n2 = /* @__PURE__ */ BigInt(3);
    _4n3 = /* @__PURE__ */ BigInt(4);
  }
});

// node_modules/@noble/curves/nist.js
var p256_CURVE, p384_CURVE, p521_CURVE, p256_Point, p256, p384_Point, p384, p521_Point, p521;
var init_nist = __esm({
  "node_modules/@noble/curves/nist.js"() {
    init_buffer();
    init_sha2();
    init_weierstrass();
    p256_CURVE = /* @__PURE__ */ (() => ({
      p: BigInt("0xffffffff00000001000000000000000000000000ffffffffffffffffffffffff"),
      n: BigInt("0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551"),
      h: BigInt(1),
      a: BigInt("0xffffffff00000001000000000000000000000000fffffffffffffffffffffffc"),
      b: BigInt("0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b"),
      Gx: BigInt("0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296"),
      Gy: BigInt("0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5")
    }))();
    p384_CURVE = /* @__PURE__ */ (() => ({
      p: BigInt("0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff"),
      n: BigInt("0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973"),
      h: BigInt(1),
      a: BigInt("0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000fffffffc"),
      b: BigInt("0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef"),
      Gx: BigInt("0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7"),
      Gy: BigInt("0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f")
    }))();
    p521_CURVE = /* @__PURE__ */ (() => ({
      p: BigInt("0x1ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
      n: BigInt("0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409"),
      h: BigInt(1),
      a: BigInt("0x1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc"),
      b: BigInt("0x0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00"),
      Gx: BigInt("0x00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66"),
      Gy: BigInt("0x011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650")
    }))();
    p256_Point = /* @__PURE__ */ weierstrass(p256_CURVE);
    p256 = /* @__PURE__ */ ecdsa(p256_Point, sha256);
    p384_Point = /* @__PURE__ */ weierstrass(p384_CURVE);
    p384 = /* @__PURE__ */ ecdsa(p384_Point, sha384);
    p521_Point = /* @__PURE__ */ weierstrass(p521_CURVE);
    p521 = /* @__PURE__ */ ecdsa(p521_Point, sha512);
  }
});

// src/lib/platform/der.ts
function readTlv(bytes, offset, expectedTag) {
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  if (tag === void 0 || length === void 0) throw new Error("DER: truncated element");
  if ((tag & 31) === 31) throw new Error("DER: multi-byte tags are not supported");
  if (expectedTag !== void 0 && tag !== expectedTag)
    throw new Error(`DER: expected tag 0x${expectedTag.toString(16)}, found 0x${tag.toString(16)}`);
  let start = offset + 2;
  if (length & 128) {
    const count = length & 127;
    if (count === 0 || count > 4) throw new Error("DER: indefinite or oversized length");
    if (start + count > bytes.length) throw new Error("DER: truncated length");
    const lengthBytes = bytes.subarray(start, start + count);
    length = lengthBytes.reduce((n, b) => n * 256 + b, 0);
    if (length < 128 || lengthBytes[0] === 0) throw new Error("DER: non-minimal length");
    start += count;
  }
  const end = start + length;
  if (end > bytes.length) throw new Error("DER: element overruns its container");
  return { tag, value: bytes.subarray(start, end), end };
}
function readSequence(value) {
  const out = [];
  for (let offset = 0; offset < value.length; ) {
    const tlv = readTlv(value, offset);
    out.push(tlv);
    offset = tlv.end;
  }
  return out;
}
function readOnly(bytes, expectedTag) {
  const tlv = readTlv(bytes, 0, expectedTag);
  if (tlv.end !== bytes.length) throw new Error("DER: trailing data");
  return tlv;
}
function unsignedInteger(value) {
  const first = value[0];
  if (first === void 0 || (first & 128) !== 0) throw new Error("DER: expected a non-negative INTEGER");
  let n = 0n;
  for (const b of value) n = n << 8n | BigInt(b);
  return n;
}
function hexOf(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
var TAG_INTEGER, TAG_BIT_STRING, TAG_OID, TAG_SEQUENCE;
var init_der2 = __esm({
  "src/lib/platform/der.ts"() {
    "use strict";
    init_buffer();
    TAG_INTEGER = 2;
    TAG_BIT_STRING = 3;
    TAG_OID = 6;
    TAG_SEQUENCE = 48;
  }
});

// src/lib/platform/rsa.ts
function verifyRsaPkcs1v15(key, hashName2, digest, signature) {
  const prefix = DIGEST_INFO_PREFIX[hashName2];
  if (!prefix) return false;
  if (signature.length !== key.size) return false;
  const s = toBigInt(signature);
  if (s >= key.n) return false;
  const em = toBytes(modPow(s, key.e, key.n), key.size);
  const t = hexToBytes4(prefix + Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join(""));
  if (key.size < t.length + 11) return false;
  const expected = new Uint8Array(key.size).fill(255);
  expected[0] = 0;
  expected[1] = 1;
  expected[key.size - t.length - 1] = 0;
  expected.set(t, key.size - t.length);
  return em.length === expected.length && expected.every((byte, i) => byte === em[i]);
}
function modPow(base, exponent, modulus) {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = result * b % modulus;
    b = b * b % modulus;
  }
  return result;
}
function toBigInt(bytes) {
  let n = 0n;
  for (const b of bytes) n = n << 8n | BigInt(b);
  return n;
}
function toBytes(n, size) {
  const out = new Uint8Array(size);
  for (let i = size - 1, v = n; i >= 0; i--, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
}
function hexToBytes4(hex2) {
  const out = new Uint8Array(hex2.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex2.slice(2 * i, 2 * i + 2), 16);
  return out;
}
var DIGEST_INFO_PREFIX;
var init_rsa = __esm({
  "src/lib/platform/rsa.ts"() {
    "use strict";
    init_buffer();
    DIGEST_INFO_PREFIX = {
      sha256: "3031300d060960864801650304020105000420",
      sha384: "3041300d060960864801650304020205000430",
      sha512: "3051300d060960864801650304020305000440"
    };
  }
});

// src/lib/platform/node-crypto.ts
var node_crypto_exports = {};
__export(node_crypto_exports, {
  KeyObject: () => KeyObject,
  createHash: () => createHash,
  createPrivateKey: () => createPrivateKey,
  createPublicKey: () => createPublicKey,
  default: () => node_crypto_default,
  generateKeyPairSync: () => generateKeyPairSync,
  randomBytes: () => randomBytes3,
  sign: () => sign,
  timingSafeEqual: () => timingSafeEqual,
  verify: () => verify
});
function createHash(algorithm) {
  return new Hash(hashName(algorithm));
}
function createPublicKey(input) {
  if (input instanceof KeyObject) return input;
  if (typeof input === "string") return fromPem(input);
  if (input instanceof Uint8Array) return fromSpki(input);
  const { key, format, type } = input;
  if (key instanceof KeyObject) return key;
  if (typeof key === "string" || format === "pem")
    return fromPem(typeof key === "string" ? key : new TextDecoder().decode(key));
  return type === "pkcs1" ? fromPkcs1(key) : fromSpki(key);
}
function verify(algorithm, data, key, signature) {
  const k = createPublicKey(key);
  switch (k.asymmetricKeyType) {
    case "ed25519":
      if (algorithm !== null && algorithm !== void 0) throw new Error("Ed25519 takes no digest algorithm");
      return verifyEd25519Cofactorless(signature, data, k.point);
    case "ec": {
      const digest = HASHES[hashName(algorithm ?? "sha256")](data);
      const curve = k.curve === void 0 ? void 0 : CURVES[k.curve];
      if (!curve) return false;
      try {
        return curve.ecdsa.verify(signature, digest, k.point, { prehash: false, lowS: false, format: "der" });
      } catch {
        return false;
      }
    }
    case "rsa": {
      const name = hashName(algorithm ?? "sha256");
      if (!k.rsa) return false;
      return verifyRsaPkcs1v15(k.rsa, name, HASHES[name](data), signature);
    }
  }
}
function timingSafeEqual(a, b) {
  if (a.byteLength !== b.byteLength) throw new RangeError("Input buffers must have the same byte length");
  return sameBytes(a, b);
}
function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  a.forEach((x, i) => {
    diff |= x ^ (b[i] ?? 256);
  });
  return diff === 0;
}
function createPrivateKey() {
  throw unavailable("createPrivateKey");
}
function generateKeyPairSync() {
  throw unavailable("generateKeyPairSync");
}
function sign() {
  throw unavailable("sign");
}
function randomBytes3() {
  throw unavailable("randomBytes");
}
function verifyEd25519Cofactorless(signature, message2, publicKey) {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  try {
    const s = littleEndian(signature.subarray(32));
    if (s >= ED25519_L) return false;
    const a = Point.fromBytes(publicKey, false);
    const k = littleEndian(sha512(concat(signature.subarray(0, 32), publicKey, message2))) % ED25519_L;
    const r = Point.BASE.multiply(s, false).subtract(a.multiply(k, false));
    return sameBytes(r.toBytes(), signature.subarray(0, 32));
  } catch {
    return false;
  }
}
function fromPem(pem) {
  const m = /-----BEGIN (PUBLIC KEY|RSA PUBLIC KEY)-----([A-Za-z0-9+/=\s]+)-----END \1-----/.exec(pem);
  if (!m) throw new Error('the browser build reads "PUBLIC KEY" and "RSA PUBLIC KEY" PEM blocks only');
  const [, label, body = ""] = m;
  const der = Buffer2.from(body.replace(/\s+/g, ""), "base64");
  return label === "PUBLIC KEY" ? fromSpki(der) : fromPkcs1(der);
}
function fromSpki(der) {
  const spki = readSequence(readOnly(der, TAG_SEQUENCE).value);
  const [algorithmId, subjectPublicKey] = spki;
  if (spki.length !== 2 || algorithmId?.tag !== TAG_SEQUENCE || subjectPublicKey?.tag !== TAG_BIT_STRING)
    throw new Error("SPKI: expected SEQUENCE { AlgorithmIdentifier, BIT STRING }");
  const algorithm = readSequence(algorithmId.value);
  const [algorithmOid, parameters] = algorithm;
  if (algorithmOid?.tag !== TAG_OID) throw new Error("SPKI: expected an algorithm OID");
  const bits = subjectPublicKey.value;
  if (bits.length < 1 || bits[0] !== 0) throw new Error("SPKI: expected a BIT STRING with no unused bits");
  const key = bits.subarray(1);
  const oid = hexOf(algorithmOid.value);
  if (oid === OID_ED25519) {
    if (algorithm.length !== 1 || key.length !== 32) throw new Error("SPKI: malformed Ed25519 key");
    return new KeyObject(der, "ed25519", {}, key);
  }
  if (oid === OID_EC_PUBLIC_KEY) {
    const curveOid = algorithm.length === 2 && parameters?.tag === TAG_OID ? hexOf(parameters.value) : "";
    const curve = CURVES[curveOid];
    if (!curve) throw new Error("SPKI: unsupported elliptic curve (P-256, P-384 and P-521 are supported)");
    curve.ecdsa.Point.fromBytes(key);
    return new KeyObject(der, "ec", { namedCurve: curve.name }, key, void 0, curveOid);
  }
  if (oid === OID_RSA) return fromPkcs1(key, der);
  throw new Error(`SPKI: unsupported key algorithm (OID content ${oid})`);
}
function fromPkcs1(der, spki) {
  const fields2 = readSequence(readOnly(der, TAG_SEQUENCE).value);
  const [modulus, exponent] = fields2;
  if (fields2.length !== 2 || modulus?.tag !== TAG_INTEGER || exponent?.tag !== TAG_INTEGER)
    throw new Error("RSAPublicKey: expected SEQUENCE { INTEGER, INTEGER }");
  const n = unsignedInteger(modulus.value);
  const e = unsignedInteger(exponent.value);
  const bitLength = n.toString(2).length;
  if (bitLength < 2048 || e < 3n || e % 2n === 0n)
    throw new Error("RSAPublicKey: expected a modulus of at least 2048 bits and an odd exponent");
  const size = Math.ceil(bitLength / 8);
  return new KeyObject(spki ?? der, "rsa", { modulusLength: bitLength, publicExponent: e }, new Uint8Array(0), {
    n,
    e,
    size
  });
}
function hashName(algorithm) {
  const name = algorithm.toLowerCase().replace(/^rsa-/, "").replace(/^sha-/, "sha");
  if (name !== "sha256" && name !== "sha384" && name !== "sha512")
    throw new Error(`Digest method not supported in the browser build: ${algorithm}`);
  return name;
}
function littleEndian(bytes) {
  let n = 0n;
  let shift = 0n;
  for (const b of bytes) {
    n |= BigInt(b) << shift;
    shift += 8n;
  }
  return n;
}
function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
function unavailable(name) {
  return new Error(`crypto.${name} is not available in the countersign client build: it only verifies`);
}
var HASHES, OID_EC_PUBLIC_KEY, OID_ED25519, OID_RSA, CURVES, ED25519_L, Hash, KeyObject, node_crypto_default;
var init_node_crypto = __esm({
  "src/lib/platform/node-crypto.ts"() {
    "use strict";
    init_buffer();
    init_ed25519();
    init_nist();
    init_sha2();
    init_buffer();
    init_der2();
    init_rsa();
    HASHES = { sha256, sha384, sha512 };
    OID_EC_PUBLIC_KEY = "2a8648ce3d0201";
    OID_ED25519 = "2b6570";
    OID_RSA = "2a864886f70d010101";
    CURVES = {
      "2a8648ce3d030107": { name: "prime256v1", ecdsa: p256 },
      "2b81040022": { name: "secp384r1", ecdsa: p384 },
      "2b81040023": { name: "secp521r1", ecdsa: p521 }
    };
    ED25519_L = 2n ** 252n + 27742317777372353535851937790883648493n;
    Hash = class {
      state;
      constructor(name) {
        this.state = HASHES[name].create();
      }
      update(data, encoding) {
        this.state.update(typeof data === "string" ? Buffer2.from(data, encoding ?? "utf8") : data);
        return this;
      }
      digest(encoding) {
        const out = Buffer2.from(this.state.digest());
        return encoding ? out.toString(encoding) : out;
      }
    };
    KeyObject = class {
      type = "public";
      asymmetricKeyType;
      asymmetricKeyDetails;
      /** EC: the SEC 1 point; Ed25519: the 32-byte key. */
      point;
      rsa;
      curve;
      spki;
      constructor(spki, type, details, point, rsa, curve) {
        this.spki = spki;
        this.asymmetricKeyType = type;
        this.asymmetricKeyDetails = details;
        this.point = point;
        this.rsa = rsa;
        this.curve = curve;
      }
      // Typed as what callers may pass (the bundled @sigstore/* code is untyped JavaScript), so that the check stays.
      export(options) {
        if (options?.format !== "der" || options.type !== "spki")
          throw new Error(`the browser build exports public keys as SPKI DER only`);
        return Buffer2.from(this.spki);
      }
    };
    node_crypto_default = {
      createHash,
      createPublicKey,
      verify,
      timingSafeEqual,
      createPrivateKey,
      generateKeyPairSync,
      sign,
      randomBytes: randomBytes3,
      KeyObject
    };
  }
});

// node_modules/@sigstore/protobuf-specs/dist/__generated__/envelope.js
var require_envelope = __commonJS({
  "node_modules/@sigstore/protobuf-specs/dist/__generated__/envelope.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Signature = exports.Envelope = void 0;
    exports.Envelope = {
      fromJSON(object) {
        return {
          payload: isSet(object.payload) ? Buffer2.from(bytesFromBase64(object.payload)) : Buffer2.alloc(0),
          payloadType: isSet(object.payloadType) ? globalThis.String(object.payloadType) : "",
          signatures: globalThis.Array.isArray(object?.signatures) ? object.signatures.map((e) => exports.Signature.fromJSON(e)) : []
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.payload.length !== 0) {
          obj.payload = base64FromBytes(message2.payload);
        }
        if (message2.payloadType !== "") {
          obj.payloadType = message2.payloadType;
        }
        if (message2.signatures?.length) {
          obj.signatures = message2.signatures.map((e) => exports.Signature.toJSON(e));
        }
        return obj;
      }
    };
    exports.Signature = {
      fromJSON(object) {
        return {
          sig: isSet(object.sig) ? Buffer2.from(bytesFromBase64(object.sig)) : Buffer2.alloc(0),
          keyid: isSet(object.keyid) ? globalThis.String(object.keyid) : ""
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.sig.length !== 0) {
          obj.sig = base64FromBytes(message2.sig);
        }
        if (message2.keyid !== "") {
          obj.keyid = message2.keyid;
        }
        return obj;
      }
    };
    function bytesFromBase64(b64) {
      return Uint8Array.from(Buffer2.from(b64, "base64"));
    }
    function base64FromBytes(arr) {
      return Buffer2.from(arr).toString("base64");
    }
    function isSet(value) {
      return value !== null && value !== void 0;
    }
  }
});

// node_modules/@sigstore/protobuf-specs/dist/__generated__/google/protobuf/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/@sigstore/protobuf-specs/dist/__generated__/google/protobuf/timestamp.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Timestamp = void 0;
    exports.Timestamp = {
      fromJSON(object) {
        return {
          seconds: isSet(object.seconds) ? globalThis.String(object.seconds) : "0",
          nanos: isSet(object.nanos) ? globalThis.Number(object.nanos) : 0
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.seconds !== "0") {
          obj.seconds = message2.seconds;
        }
        if (message2.nanos !== 0) {
          obj.nanos = Math.round(message2.nanos);
        }
        return obj;
      }
    };
    function isSet(value) {
      return value !== null && value !== void 0;
    }
  }
});

// node_modules/@sigstore/protobuf-specs/dist/__generated__/sigstore_common.js
var require_sigstore_common = __commonJS({
  "node_modules/@sigstore/protobuf-specs/dist/__generated__/sigstore_common.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TimeRange = exports.X509CertificateChain = exports.SubjectAlternativeName = exports.X509Certificate = exports.DistinguishedName = exports.ObjectIdentifierValuePair = exports.ObjectIdentifier = exports.PublicKeyIdentifier = exports.PublicKey = exports.RFC3161SignedTimestamp = exports.LogId = exports.MessageSignature = exports.HashOutput = exports.SubjectAlternativeNameType = exports.PublicKeyDetails = exports.HashAlgorithm = void 0;
    exports.hashAlgorithmFromJSON = hashAlgorithmFromJSON;
    exports.hashAlgorithmToJSON = hashAlgorithmToJSON;
    exports.publicKeyDetailsFromJSON = publicKeyDetailsFromJSON;
    exports.publicKeyDetailsToJSON = publicKeyDetailsToJSON;
    exports.subjectAlternativeNameTypeFromJSON = subjectAlternativeNameTypeFromJSON;
    exports.subjectAlternativeNameTypeToJSON = subjectAlternativeNameTypeToJSON;
    var timestamp_1 = require_timestamp();
    var HashAlgorithm2;
    (function(HashAlgorithm3) {
      HashAlgorithm3[HashAlgorithm3["HASH_ALGORITHM_UNSPECIFIED"] = 0] = "HASH_ALGORITHM_UNSPECIFIED";
      HashAlgorithm3[HashAlgorithm3["SHA2_256"] = 1] = "SHA2_256";
      HashAlgorithm3[HashAlgorithm3["SHA2_384"] = 2] = "SHA2_384";
      HashAlgorithm3[HashAlgorithm3["SHA2_512"] = 3] = "SHA2_512";
      HashAlgorithm3[HashAlgorithm3["SHA3_256"] = 4] = "SHA3_256";
      HashAlgorithm3[HashAlgorithm3["SHA3_384"] = 5] = "SHA3_384";
    })(HashAlgorithm2 || (exports.HashAlgorithm = HashAlgorithm2 = {}));
    function hashAlgorithmFromJSON(object) {
      switch (object) {
        case 0:
        case "HASH_ALGORITHM_UNSPECIFIED":
          return HashAlgorithm2.HASH_ALGORITHM_UNSPECIFIED;
        case 1:
        case "SHA2_256":
          return HashAlgorithm2.SHA2_256;
        case 2:
        case "SHA2_384":
          return HashAlgorithm2.SHA2_384;
        case 3:
        case "SHA2_512":
          return HashAlgorithm2.SHA2_512;
        case 4:
        case "SHA3_256":
          return HashAlgorithm2.SHA3_256;
        case 5:
        case "SHA3_384":
          return HashAlgorithm2.SHA3_384;
        default:
          throw new globalThis.Error("Unrecognized enum value " + object + " for enum HashAlgorithm");
      }
    }
    function hashAlgorithmToJSON(object) {
      switch (object) {
        case HashAlgorithm2.HASH_ALGORITHM_UNSPECIFIED:
          return "HASH_ALGORITHM_UNSPECIFIED";
        case HashAlgorithm2.SHA2_256:
          return "SHA2_256";
        case HashAlgorithm2.SHA2_384:
          return "SHA2_384";
        case HashAlgorithm2.SHA2_512:
          return "SHA2_512";
        case HashAlgorithm2.SHA3_256:
          return "SHA3_256";
        case HashAlgorithm2.SHA3_384:
          return "SHA3_384";
        default:
          throw new globalThis.Error("Unrecognized enum value " + object + " for enum HashAlgorithm");
      }
    }
    var PublicKeyDetails;
    (function(PublicKeyDetails2) {
      PublicKeyDetails2[PublicKeyDetails2["PUBLIC_KEY_DETAILS_UNSPECIFIED"] = 0] = "PUBLIC_KEY_DETAILS_UNSPECIFIED";
      PublicKeyDetails2[PublicKeyDetails2["PKCS1_RSA_PKCS1V5"] = 1] = "PKCS1_RSA_PKCS1V5";
      PublicKeyDetails2[PublicKeyDetails2["PKCS1_RSA_PSS"] = 2] = "PKCS1_RSA_PSS";
      PublicKeyDetails2[PublicKeyDetails2["PKIX_RSA_PKCS1V5"] = 3] = "PKIX_RSA_PKCS1V5";
      PublicKeyDetails2[PublicKeyDetails2["PKIX_RSA_PSS"] = 4] = "PKIX_RSA_PSS";
      PublicKeyDetails2[PublicKeyDetails2["PKIX_RSA_PKCS1V15_2048_SHA256"] = 9] = "PKIX_RSA_PKCS1V15_2048_SHA256";
      PublicKeyDetails2[PublicKeyDetails2["PKIX_RSA_PKCS1V15_3072_SHA256"] = 10] = "PKIX_RSA_PKCS1V15_3072_SHA256";
      PublicKeyDetails2[PublicKeyDetails2["PKIX_RSA_PKCS1V15_4096_SHA256"] = 11] = "PKIX_RSA_PKCS1V15_4096_SHA256";
      PublicKeyDetails2[PublicKeyDetails2["PKIX_RSA_PSS_2048_SHA256"] = 16] = "PKIX_RSA_PSS_2048_SHA256";
      PublicKeyDetails2[PublicKeyDetails2["PKIX_RSA_PSS_3072_SHA256"] = 17] = "PKIX_RSA_PSS_3072_SHA256";
      PublicKeyDetails2[PublicKeyDetails2["PKIX_RSA_PSS_4096_SHA256"] = 18] = "PKIX_RSA_PSS_4096_SHA256";
      PublicKeyDetails2[PublicKeyDetails2["PKIX_ECDSA_P256_HMAC_SHA_256"] = 6] = "PKIX_ECDSA_P256_HMAC_SHA_256";
      PublicKeyDetails2[PublicKeyDetails2["PKIX_ECDSA_P256_SHA_256"] = 5] = "PKIX_ECDSA_P256_SHA_256";
      PublicKeyDetails2[PublicKeyDetails2["PKIX_ECDSA_P384_SHA_384"] = 12] = "PKIX_ECDSA_P384_SHA_384";
      PublicKeyDetails2[PublicKeyDetails2["PKIX_ECDSA_P521_SHA_512"] = 13] = "PKIX_ECDSA_P521_SHA_512";
      PublicKeyDetails2[PublicKeyDetails2["PKIX_ED25519"] = 7] = "PKIX_ED25519";
      PublicKeyDetails2[PublicKeyDetails2["PKIX_ED25519_PH"] = 8] = "PKIX_ED25519_PH";
      PublicKeyDetails2[PublicKeyDetails2["PKIX_ECDSA_P384_SHA_256"] = 19] = "PKIX_ECDSA_P384_SHA_256";
      PublicKeyDetails2[PublicKeyDetails2["PKIX_ECDSA_P521_SHA_256"] = 20] = "PKIX_ECDSA_P521_SHA_256";
      PublicKeyDetails2[PublicKeyDetails2["LMS_SHA256"] = 14] = "LMS_SHA256";
      PublicKeyDetails2[PublicKeyDetails2["LMOTS_SHA256"] = 15] = "LMOTS_SHA256";
      PublicKeyDetails2[PublicKeyDetails2["ML_DSA_44"] = 23] = "ML_DSA_44";
      PublicKeyDetails2[PublicKeyDetails2["ML_DSA_65"] = 21] = "ML_DSA_65";
      PublicKeyDetails2[PublicKeyDetails2["ML_DSA_87"] = 22] = "ML_DSA_87";
    })(PublicKeyDetails || (exports.PublicKeyDetails = PublicKeyDetails = {}));
    function publicKeyDetailsFromJSON(object) {
      switch (object) {
        case 0:
        case "PUBLIC_KEY_DETAILS_UNSPECIFIED":
          return PublicKeyDetails.PUBLIC_KEY_DETAILS_UNSPECIFIED;
        case 1:
        case "PKCS1_RSA_PKCS1V5":
          return PublicKeyDetails.PKCS1_RSA_PKCS1V5;
        case 2:
        case "PKCS1_RSA_PSS":
          return PublicKeyDetails.PKCS1_RSA_PSS;
        case 3:
        case "PKIX_RSA_PKCS1V5":
          return PublicKeyDetails.PKIX_RSA_PKCS1V5;
        case 4:
        case "PKIX_RSA_PSS":
          return PublicKeyDetails.PKIX_RSA_PSS;
        case 9:
        case "PKIX_RSA_PKCS1V15_2048_SHA256":
          return PublicKeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256;
        case 10:
        case "PKIX_RSA_PKCS1V15_3072_SHA256":
          return PublicKeyDetails.PKIX_RSA_PKCS1V15_3072_SHA256;
        case 11:
        case "PKIX_RSA_PKCS1V15_4096_SHA256":
          return PublicKeyDetails.PKIX_RSA_PKCS1V15_4096_SHA256;
        case 16:
        case "PKIX_RSA_PSS_2048_SHA256":
          return PublicKeyDetails.PKIX_RSA_PSS_2048_SHA256;
        case 17:
        case "PKIX_RSA_PSS_3072_SHA256":
          return PublicKeyDetails.PKIX_RSA_PSS_3072_SHA256;
        case 18:
        case "PKIX_RSA_PSS_4096_SHA256":
          return PublicKeyDetails.PKIX_RSA_PSS_4096_SHA256;
        case 6:
        case "PKIX_ECDSA_P256_HMAC_SHA_256":
          return PublicKeyDetails.PKIX_ECDSA_P256_HMAC_SHA_256;
        case 5:
        case "PKIX_ECDSA_P256_SHA_256":
          return PublicKeyDetails.PKIX_ECDSA_P256_SHA_256;
        case 12:
        case "PKIX_ECDSA_P384_SHA_384":
          return PublicKeyDetails.PKIX_ECDSA_P384_SHA_384;
        case 13:
        case "PKIX_ECDSA_P521_SHA_512":
          return PublicKeyDetails.PKIX_ECDSA_P521_SHA_512;
        case 7:
        case "PKIX_ED25519":
          return PublicKeyDetails.PKIX_ED25519;
        case 8:
        case "PKIX_ED25519_PH":
          return PublicKeyDetails.PKIX_ED25519_PH;
        case 19:
        case "PKIX_ECDSA_P384_SHA_256":
          return PublicKeyDetails.PKIX_ECDSA_P384_SHA_256;
        case 20:
        case "PKIX_ECDSA_P521_SHA_256":
          return PublicKeyDetails.PKIX_ECDSA_P521_SHA_256;
        case 14:
        case "LMS_SHA256":
          return PublicKeyDetails.LMS_SHA256;
        case 15:
        case "LMOTS_SHA256":
          return PublicKeyDetails.LMOTS_SHA256;
        case 23:
        case "ML_DSA_44":
          return PublicKeyDetails.ML_DSA_44;
        case 21:
        case "ML_DSA_65":
          return PublicKeyDetails.ML_DSA_65;
        case 22:
        case "ML_DSA_87":
          return PublicKeyDetails.ML_DSA_87;
        default:
          throw new globalThis.Error("Unrecognized enum value " + object + " for enum PublicKeyDetails");
      }
    }
    function publicKeyDetailsToJSON(object) {
      switch (object) {
        case PublicKeyDetails.PUBLIC_KEY_DETAILS_UNSPECIFIED:
          return "PUBLIC_KEY_DETAILS_UNSPECIFIED";
        case PublicKeyDetails.PKCS1_RSA_PKCS1V5:
          return "PKCS1_RSA_PKCS1V5";
        case PublicKeyDetails.PKCS1_RSA_PSS:
          return "PKCS1_RSA_PSS";
        case PublicKeyDetails.PKIX_RSA_PKCS1V5:
          return "PKIX_RSA_PKCS1V5";
        case PublicKeyDetails.PKIX_RSA_PSS:
          return "PKIX_RSA_PSS";
        case PublicKeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256:
          return "PKIX_RSA_PKCS1V15_2048_SHA256";
        case PublicKeyDetails.PKIX_RSA_PKCS1V15_3072_SHA256:
          return "PKIX_RSA_PKCS1V15_3072_SHA256";
        case PublicKeyDetails.PKIX_RSA_PKCS1V15_4096_SHA256:
          return "PKIX_RSA_PKCS1V15_4096_SHA256";
        case PublicKeyDetails.PKIX_RSA_PSS_2048_SHA256:
          return "PKIX_RSA_PSS_2048_SHA256";
        case PublicKeyDetails.PKIX_RSA_PSS_3072_SHA256:
          return "PKIX_RSA_PSS_3072_SHA256";
        case PublicKeyDetails.PKIX_RSA_PSS_4096_SHA256:
          return "PKIX_RSA_PSS_4096_SHA256";
        case PublicKeyDetails.PKIX_ECDSA_P256_HMAC_SHA_256:
          return "PKIX_ECDSA_P256_HMAC_SHA_256";
        case PublicKeyDetails.PKIX_ECDSA_P256_SHA_256:
          return "PKIX_ECDSA_P256_SHA_256";
        case PublicKeyDetails.PKIX_ECDSA_P384_SHA_384:
          return "PKIX_ECDSA_P384_SHA_384";
        case PublicKeyDetails.PKIX_ECDSA_P521_SHA_512:
          return "PKIX_ECDSA_P521_SHA_512";
        case PublicKeyDetails.PKIX_ED25519:
          return "PKIX_ED25519";
        case PublicKeyDetails.PKIX_ED25519_PH:
          return "PKIX_ED25519_PH";
        case PublicKeyDetails.PKIX_ECDSA_P384_SHA_256:
          return "PKIX_ECDSA_P384_SHA_256";
        case PublicKeyDetails.PKIX_ECDSA_P521_SHA_256:
          return "PKIX_ECDSA_P521_SHA_256";
        case PublicKeyDetails.LMS_SHA256:
          return "LMS_SHA256";
        case PublicKeyDetails.LMOTS_SHA256:
          return "LMOTS_SHA256";
        case PublicKeyDetails.ML_DSA_44:
          return "ML_DSA_44";
        case PublicKeyDetails.ML_DSA_65:
          return "ML_DSA_65";
        case PublicKeyDetails.ML_DSA_87:
          return "ML_DSA_87";
        default:
          throw new globalThis.Error("Unrecognized enum value " + object + " for enum PublicKeyDetails");
      }
    }
    var SubjectAlternativeNameType;
    (function(SubjectAlternativeNameType2) {
      SubjectAlternativeNameType2[SubjectAlternativeNameType2["SUBJECT_ALTERNATIVE_NAME_TYPE_UNSPECIFIED"] = 0] = "SUBJECT_ALTERNATIVE_NAME_TYPE_UNSPECIFIED";
      SubjectAlternativeNameType2[SubjectAlternativeNameType2["EMAIL"] = 1] = "EMAIL";
      SubjectAlternativeNameType2[SubjectAlternativeNameType2["URI"] = 2] = "URI";
      SubjectAlternativeNameType2[SubjectAlternativeNameType2["OTHER_NAME"] = 3] = "OTHER_NAME";
    })(SubjectAlternativeNameType || (exports.SubjectAlternativeNameType = SubjectAlternativeNameType = {}));
    function subjectAlternativeNameTypeFromJSON(object) {
      switch (object) {
        case 0:
        case "SUBJECT_ALTERNATIVE_NAME_TYPE_UNSPECIFIED":
          return SubjectAlternativeNameType.SUBJECT_ALTERNATIVE_NAME_TYPE_UNSPECIFIED;
        case 1:
        case "EMAIL":
          return SubjectAlternativeNameType.EMAIL;
        case 2:
        case "URI":
          return SubjectAlternativeNameType.URI;
        case 3:
        case "OTHER_NAME":
          return SubjectAlternativeNameType.OTHER_NAME;
        default:
          throw new globalThis.Error("Unrecognized enum value " + object + " for enum SubjectAlternativeNameType");
      }
    }
    function subjectAlternativeNameTypeToJSON(object) {
      switch (object) {
        case SubjectAlternativeNameType.SUBJECT_ALTERNATIVE_NAME_TYPE_UNSPECIFIED:
          return "SUBJECT_ALTERNATIVE_NAME_TYPE_UNSPECIFIED";
        case SubjectAlternativeNameType.EMAIL:
          return "EMAIL";
        case SubjectAlternativeNameType.URI:
          return "URI";
        case SubjectAlternativeNameType.OTHER_NAME:
          return "OTHER_NAME";
        default:
          throw new globalThis.Error("Unrecognized enum value " + object + " for enum SubjectAlternativeNameType");
      }
    }
    exports.HashOutput = {
      fromJSON(object) {
        return {
          algorithm: isSet(object.algorithm) ? hashAlgorithmFromJSON(object.algorithm) : 0,
          digest: isSet(object.digest) ? Buffer2.from(bytesFromBase64(object.digest)) : Buffer2.alloc(0)
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.algorithm !== 0) {
          obj.algorithm = hashAlgorithmToJSON(message2.algorithm);
        }
        if (message2.digest.length !== 0) {
          obj.digest = base64FromBytes(message2.digest);
        }
        return obj;
      }
    };
    exports.MessageSignature = {
      fromJSON(object) {
        return {
          messageDigest: isSet(object.messageDigest) ? exports.HashOutput.fromJSON(object.messageDigest) : void 0,
          signature: isSet(object.signature) ? Buffer2.from(bytesFromBase64(object.signature)) : Buffer2.alloc(0)
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.messageDigest !== void 0) {
          obj.messageDigest = exports.HashOutput.toJSON(message2.messageDigest);
        }
        if (message2.signature.length !== 0) {
          obj.signature = base64FromBytes(message2.signature);
        }
        return obj;
      }
    };
    exports.LogId = {
      fromJSON(object) {
        return { keyId: isSet(object.keyId) ? Buffer2.from(bytesFromBase64(object.keyId)) : Buffer2.alloc(0) };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.keyId.length !== 0) {
          obj.keyId = base64FromBytes(message2.keyId);
        }
        return obj;
      }
    };
    exports.RFC3161SignedTimestamp = {
      fromJSON(object) {
        return {
          signedTimestamp: isSet(object.signedTimestamp) ? Buffer2.from(bytesFromBase64(object.signedTimestamp)) : Buffer2.alloc(0)
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.signedTimestamp.length !== 0) {
          obj.signedTimestamp = base64FromBytes(message2.signedTimestamp);
        }
        return obj;
      }
    };
    exports.PublicKey = {
      fromJSON(object) {
        return {
          rawBytes: isSet(object.rawBytes) ? Buffer2.from(bytesFromBase64(object.rawBytes)) : void 0,
          keyDetails: isSet(object.keyDetails) ? publicKeyDetailsFromJSON(object.keyDetails) : 0,
          validFor: isSet(object.validFor) ? exports.TimeRange.fromJSON(object.validFor) : void 0
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.rawBytes !== void 0) {
          obj.rawBytes = base64FromBytes(message2.rawBytes);
        }
        if (message2.keyDetails !== 0) {
          obj.keyDetails = publicKeyDetailsToJSON(message2.keyDetails);
        }
        if (message2.validFor !== void 0) {
          obj.validFor = exports.TimeRange.toJSON(message2.validFor);
        }
        return obj;
      }
    };
    exports.PublicKeyIdentifier = {
      fromJSON(object) {
        return { hint: isSet(object.hint) ? globalThis.String(object.hint) : "" };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.hint !== "") {
          obj.hint = message2.hint;
        }
        return obj;
      }
    };
    exports.ObjectIdentifier = {
      fromJSON(object) {
        return { id: globalThis.Array.isArray(object?.id) ? object.id.map((e) => globalThis.Number(e)) : [] };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.id?.length) {
          obj.id = message2.id.map((e) => Math.round(e));
        }
        return obj;
      }
    };
    exports.ObjectIdentifierValuePair = {
      fromJSON(object) {
        return {
          oid: isSet(object.oid) ? exports.ObjectIdentifier.fromJSON(object.oid) : void 0,
          value: isSet(object.value) ? Buffer2.from(bytesFromBase64(object.value)) : Buffer2.alloc(0)
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.oid !== void 0) {
          obj.oid = exports.ObjectIdentifier.toJSON(message2.oid);
        }
        if (message2.value.length !== 0) {
          obj.value = base64FromBytes(message2.value);
        }
        return obj;
      }
    };
    exports.DistinguishedName = {
      fromJSON(object) {
        return {
          organization: isSet(object.organization) ? globalThis.String(object.organization) : "",
          commonName: isSet(object.commonName) ? globalThis.String(object.commonName) : ""
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.organization !== "") {
          obj.organization = message2.organization;
        }
        if (message2.commonName !== "") {
          obj.commonName = message2.commonName;
        }
        return obj;
      }
    };
    exports.X509Certificate = {
      fromJSON(object) {
        return { rawBytes: isSet(object.rawBytes) ? Buffer2.from(bytesFromBase64(object.rawBytes)) : Buffer2.alloc(0) };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.rawBytes.length !== 0) {
          obj.rawBytes = base64FromBytes(message2.rawBytes);
        }
        return obj;
      }
    };
    exports.SubjectAlternativeName = {
      fromJSON(object) {
        return {
          type: isSet(object.type) ? subjectAlternativeNameTypeFromJSON(object.type) : 0,
          identity: isSet(object.regexp) ? { $case: "regexp", regexp: globalThis.String(object.regexp) } : isSet(object.value) ? { $case: "value", value: globalThis.String(object.value) } : void 0
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.type !== 0) {
          obj.type = subjectAlternativeNameTypeToJSON(message2.type);
        }
        if (message2.identity?.$case === "regexp") {
          obj.regexp = message2.identity.regexp;
        } else if (message2.identity?.$case === "value") {
          obj.value = message2.identity.value;
        }
        return obj;
      }
    };
    exports.X509CertificateChain = {
      fromJSON(object) {
        return {
          certificates: globalThis.Array.isArray(object?.certificates) ? object.certificates.map((e) => exports.X509Certificate.fromJSON(e)) : []
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.certificates?.length) {
          obj.certificates = message2.certificates.map((e) => exports.X509Certificate.toJSON(e));
        }
        return obj;
      }
    };
    exports.TimeRange = {
      fromJSON(object) {
        return {
          start: isSet(object.start) ? fromJsonTimestamp(object.start) : void 0,
          end: isSet(object.end) ? fromJsonTimestamp(object.end) : void 0
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.start !== void 0) {
          obj.start = message2.start.toISOString();
        }
        if (message2.end !== void 0) {
          obj.end = message2.end.toISOString();
        }
        return obj;
      }
    };
    function bytesFromBase64(b64) {
      return Uint8Array.from(Buffer2.from(b64, "base64"));
    }
    function base64FromBytes(arr) {
      return Buffer2.from(arr).toString("base64");
    }
    function fromTimestamp(t) {
      let millis = (globalThis.Number(t.seconds) || 0) * 1e3;
      millis += (t.nanos || 0) / 1e6;
      return new globalThis.Date(millis);
    }
    function fromJsonTimestamp(o) {
      if (o instanceof globalThis.Date) {
        return o;
      } else if (typeof o === "string") {
        return new globalThis.Date(o);
      } else {
        return fromTimestamp(timestamp_1.Timestamp.fromJSON(o));
      }
    }
    function isSet(value) {
      return value !== null && value !== void 0;
    }
  }
});

// node_modules/@sigstore/protobuf-specs/dist/__generated__/sigstore_rekor.js
var require_sigstore_rekor = __commonJS({
  "node_modules/@sigstore/protobuf-specs/dist/__generated__/sigstore_rekor.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TransparencyLogEntry = exports.InclusionPromise = exports.InclusionProof = exports.Checkpoint = exports.KindVersion = void 0;
    var sigstore_common_1 = require_sigstore_common();
    exports.KindVersion = {
      fromJSON(object) {
        return {
          kind: isSet(object.kind) ? globalThis.String(object.kind) : "",
          version: isSet(object.version) ? globalThis.String(object.version) : ""
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.kind !== "") {
          obj.kind = message2.kind;
        }
        if (message2.version !== "") {
          obj.version = message2.version;
        }
        return obj;
      }
    };
    exports.Checkpoint = {
      fromJSON(object) {
        return { envelope: isSet(object.envelope) ? globalThis.String(object.envelope) : "" };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.envelope !== "") {
          obj.envelope = message2.envelope;
        }
        return obj;
      }
    };
    exports.InclusionProof = {
      fromJSON(object) {
        return {
          logIndex: isSet(object.logIndex) ? globalThis.String(object.logIndex) : "0",
          rootHash: isSet(object.rootHash) ? Buffer2.from(bytesFromBase64(object.rootHash)) : Buffer2.alloc(0),
          treeSize: isSet(object.treeSize) ? globalThis.String(object.treeSize) : "0",
          hashes: globalThis.Array.isArray(object?.hashes) ? object.hashes.map((e) => Buffer2.from(bytesFromBase64(e))) : [],
          checkpoint: isSet(object.checkpoint) ? exports.Checkpoint.fromJSON(object.checkpoint) : void 0
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.logIndex !== "0") {
          obj.logIndex = message2.logIndex;
        }
        if (message2.rootHash.length !== 0) {
          obj.rootHash = base64FromBytes(message2.rootHash);
        }
        if (message2.treeSize !== "0") {
          obj.treeSize = message2.treeSize;
        }
        if (message2.hashes?.length) {
          obj.hashes = message2.hashes.map((e) => base64FromBytes(e));
        }
        if (message2.checkpoint !== void 0) {
          obj.checkpoint = exports.Checkpoint.toJSON(message2.checkpoint);
        }
        return obj;
      }
    };
    exports.InclusionPromise = {
      fromJSON(object) {
        return {
          signedEntryTimestamp: isSet(object.signedEntryTimestamp) ? Buffer2.from(bytesFromBase64(object.signedEntryTimestamp)) : Buffer2.alloc(0)
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.signedEntryTimestamp.length !== 0) {
          obj.signedEntryTimestamp = base64FromBytes(message2.signedEntryTimestamp);
        }
        return obj;
      }
    };
    exports.TransparencyLogEntry = {
      fromJSON(object) {
        return {
          logIndex: isSet(object.logIndex) ? globalThis.String(object.logIndex) : "0",
          logId: isSet(object.logId) ? sigstore_common_1.LogId.fromJSON(object.logId) : void 0,
          kindVersion: isSet(object.kindVersion) ? exports.KindVersion.fromJSON(object.kindVersion) : void 0,
          integratedTime: isSet(object.integratedTime) ? globalThis.String(object.integratedTime) : "0",
          inclusionPromise: isSet(object.inclusionPromise) ? exports.InclusionPromise.fromJSON(object.inclusionPromise) : void 0,
          inclusionProof: isSet(object.inclusionProof) ? exports.InclusionProof.fromJSON(object.inclusionProof) : void 0,
          canonicalizedBody: isSet(object.canonicalizedBody) ? Buffer2.from(bytesFromBase64(object.canonicalizedBody)) : Buffer2.alloc(0)
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.logIndex !== "0") {
          obj.logIndex = message2.logIndex;
        }
        if (message2.logId !== void 0) {
          obj.logId = sigstore_common_1.LogId.toJSON(message2.logId);
        }
        if (message2.kindVersion !== void 0) {
          obj.kindVersion = exports.KindVersion.toJSON(message2.kindVersion);
        }
        if (message2.integratedTime !== "0") {
          obj.integratedTime = message2.integratedTime;
        }
        if (message2.inclusionPromise !== void 0) {
          obj.inclusionPromise = exports.InclusionPromise.toJSON(message2.inclusionPromise);
        }
        if (message2.inclusionProof !== void 0) {
          obj.inclusionProof = exports.InclusionProof.toJSON(message2.inclusionProof);
        }
        if (message2.canonicalizedBody.length !== 0) {
          obj.canonicalizedBody = base64FromBytes(message2.canonicalizedBody);
        }
        return obj;
      }
    };
    function bytesFromBase64(b64) {
      return Uint8Array.from(Buffer2.from(b64, "base64"));
    }
    function base64FromBytes(arr) {
      return Buffer2.from(arr).toString("base64");
    }
    function isSet(value) {
      return value !== null && value !== void 0;
    }
  }
});

// node_modules/@sigstore/protobuf-specs/dist/__generated__/sigstore_bundle.js
var require_sigstore_bundle = __commonJS({
  "node_modules/@sigstore/protobuf-specs/dist/__generated__/sigstore_bundle.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Bundle = exports.VerificationMaterial = exports.TimestampVerificationData = void 0;
    var envelope_1 = require_envelope();
    var sigstore_common_1 = require_sigstore_common();
    var sigstore_rekor_1 = require_sigstore_rekor();
    exports.TimestampVerificationData = {
      fromJSON(object) {
        return {
          rfc3161Timestamps: globalThis.Array.isArray(object?.rfc3161Timestamps) ? object.rfc3161Timestamps.map((e) => sigstore_common_1.RFC3161SignedTimestamp.fromJSON(e)) : []
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.rfc3161Timestamps?.length) {
          obj.rfc3161Timestamps = message2.rfc3161Timestamps.map((e) => sigstore_common_1.RFC3161SignedTimestamp.toJSON(e));
        }
        return obj;
      }
    };
    exports.VerificationMaterial = {
      fromJSON(object) {
        return {
          content: isSet(object.publicKey) ? { $case: "publicKey", publicKey: sigstore_common_1.PublicKeyIdentifier.fromJSON(object.publicKey) } : isSet(object.x509CertificateChain) ? {
            $case: "x509CertificateChain",
            x509CertificateChain: sigstore_common_1.X509CertificateChain.fromJSON(object.x509CertificateChain)
          } : isSet(object.certificate) ? { $case: "certificate", certificate: sigstore_common_1.X509Certificate.fromJSON(object.certificate) } : void 0,
          tlogEntries: globalThis.Array.isArray(object?.tlogEntries) ? object.tlogEntries.map((e) => sigstore_rekor_1.TransparencyLogEntry.fromJSON(e)) : [],
          timestampVerificationData: isSet(object.timestampVerificationData) ? exports.TimestampVerificationData.fromJSON(object.timestampVerificationData) : void 0
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.content?.$case === "publicKey") {
          obj.publicKey = sigstore_common_1.PublicKeyIdentifier.toJSON(message2.content.publicKey);
        } else if (message2.content?.$case === "x509CertificateChain") {
          obj.x509CertificateChain = sigstore_common_1.X509CertificateChain.toJSON(message2.content.x509CertificateChain);
        } else if (message2.content?.$case === "certificate") {
          obj.certificate = sigstore_common_1.X509Certificate.toJSON(message2.content.certificate);
        }
        if (message2.tlogEntries?.length) {
          obj.tlogEntries = message2.tlogEntries.map((e) => sigstore_rekor_1.TransparencyLogEntry.toJSON(e));
        }
        if (message2.timestampVerificationData !== void 0) {
          obj.timestampVerificationData = exports.TimestampVerificationData.toJSON(message2.timestampVerificationData);
        }
        return obj;
      }
    };
    exports.Bundle = {
      fromJSON(object) {
        return {
          mediaType: isSet(object.mediaType) ? globalThis.String(object.mediaType) : "",
          verificationMaterial: isSet(object.verificationMaterial) ? exports.VerificationMaterial.fromJSON(object.verificationMaterial) : void 0,
          content: isSet(object.messageSignature) ? { $case: "messageSignature", messageSignature: sigstore_common_1.MessageSignature.fromJSON(object.messageSignature) } : isSet(object.dsseEnvelope) ? { $case: "dsseEnvelope", dsseEnvelope: envelope_1.Envelope.fromJSON(object.dsseEnvelope) } : void 0
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.mediaType !== "") {
          obj.mediaType = message2.mediaType;
        }
        if (message2.verificationMaterial !== void 0) {
          obj.verificationMaterial = exports.VerificationMaterial.toJSON(message2.verificationMaterial);
        }
        if (message2.content?.$case === "messageSignature") {
          obj.messageSignature = sigstore_common_1.MessageSignature.toJSON(message2.content.messageSignature);
        } else if (message2.content?.$case === "dsseEnvelope") {
          obj.dsseEnvelope = envelope_1.Envelope.toJSON(message2.content.dsseEnvelope);
        }
        return obj;
      }
    };
    function isSet(value) {
      return value !== null && value !== void 0;
    }
  }
});

// node_modules/@sigstore/protobuf-specs/dist/__generated__/sigstore_trustroot.js
var require_sigstore_trustroot = __commonJS({
  "node_modules/@sigstore/protobuf-specs/dist/__generated__/sigstore_trustroot.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ClientTrustConfig = exports.ServiceConfiguration = exports.Service = exports.SigningConfig = exports.TrustedRoot = exports.CertificateAuthority = exports.TransparencyLogInstance = exports.ServiceSelector = void 0;
    exports.serviceSelectorFromJSON = serviceSelectorFromJSON;
    exports.serviceSelectorToJSON = serviceSelectorToJSON;
    var sigstore_common_1 = require_sigstore_common();
    var ServiceSelector;
    (function(ServiceSelector2) {
      ServiceSelector2[ServiceSelector2["SERVICE_SELECTOR_UNDEFINED"] = 0] = "SERVICE_SELECTOR_UNDEFINED";
      ServiceSelector2[ServiceSelector2["ALL"] = 1] = "ALL";
      ServiceSelector2[ServiceSelector2["ANY"] = 2] = "ANY";
      ServiceSelector2[ServiceSelector2["EXACT"] = 3] = "EXACT";
    })(ServiceSelector || (exports.ServiceSelector = ServiceSelector = {}));
    function serviceSelectorFromJSON(object) {
      switch (object) {
        case 0:
        case "SERVICE_SELECTOR_UNDEFINED":
          return ServiceSelector.SERVICE_SELECTOR_UNDEFINED;
        case 1:
        case "ALL":
          return ServiceSelector.ALL;
        case 2:
        case "ANY":
          return ServiceSelector.ANY;
        case 3:
        case "EXACT":
          return ServiceSelector.EXACT;
        default:
          throw new globalThis.Error("Unrecognized enum value " + object + " for enum ServiceSelector");
      }
    }
    function serviceSelectorToJSON(object) {
      switch (object) {
        case ServiceSelector.SERVICE_SELECTOR_UNDEFINED:
          return "SERVICE_SELECTOR_UNDEFINED";
        case ServiceSelector.ALL:
          return "ALL";
        case ServiceSelector.ANY:
          return "ANY";
        case ServiceSelector.EXACT:
          return "EXACT";
        default:
          throw new globalThis.Error("Unrecognized enum value " + object + " for enum ServiceSelector");
      }
    }
    exports.TransparencyLogInstance = {
      fromJSON(object) {
        return {
          baseUrl: isSet(object.baseUrl) ? globalThis.String(object.baseUrl) : "",
          hashAlgorithm: isSet(object.hashAlgorithm) ? (0, sigstore_common_1.hashAlgorithmFromJSON)(object.hashAlgorithm) : 0,
          publicKey: isSet(object.publicKey) ? sigstore_common_1.PublicKey.fromJSON(object.publicKey) : void 0,
          logId: isSet(object.logId) ? sigstore_common_1.LogId.fromJSON(object.logId) : void 0,
          checkpointKeyId: isSet(object.checkpointKeyId) ? sigstore_common_1.LogId.fromJSON(object.checkpointKeyId) : void 0,
          operator: isSet(object.operator) ? globalThis.String(object.operator) : ""
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.baseUrl !== "") {
          obj.baseUrl = message2.baseUrl;
        }
        if (message2.hashAlgorithm !== 0) {
          obj.hashAlgorithm = (0, sigstore_common_1.hashAlgorithmToJSON)(message2.hashAlgorithm);
        }
        if (message2.publicKey !== void 0) {
          obj.publicKey = sigstore_common_1.PublicKey.toJSON(message2.publicKey);
        }
        if (message2.logId !== void 0) {
          obj.logId = sigstore_common_1.LogId.toJSON(message2.logId);
        }
        if (message2.checkpointKeyId !== void 0) {
          obj.checkpointKeyId = sigstore_common_1.LogId.toJSON(message2.checkpointKeyId);
        }
        if (message2.operator !== "") {
          obj.operator = message2.operator;
        }
        return obj;
      }
    };
    exports.CertificateAuthority = {
      fromJSON(object) {
        return {
          subject: isSet(object.subject) ? sigstore_common_1.DistinguishedName.fromJSON(object.subject) : void 0,
          uri: isSet(object.uri) ? globalThis.String(object.uri) : "",
          certChain: isSet(object.certChain) ? sigstore_common_1.X509CertificateChain.fromJSON(object.certChain) : void 0,
          validFor: isSet(object.validFor) ? sigstore_common_1.TimeRange.fromJSON(object.validFor) : void 0,
          operator: isSet(object.operator) ? globalThis.String(object.operator) : ""
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.subject !== void 0) {
          obj.subject = sigstore_common_1.DistinguishedName.toJSON(message2.subject);
        }
        if (message2.uri !== "") {
          obj.uri = message2.uri;
        }
        if (message2.certChain !== void 0) {
          obj.certChain = sigstore_common_1.X509CertificateChain.toJSON(message2.certChain);
        }
        if (message2.validFor !== void 0) {
          obj.validFor = sigstore_common_1.TimeRange.toJSON(message2.validFor);
        }
        if (message2.operator !== "") {
          obj.operator = message2.operator;
        }
        return obj;
      }
    };
    exports.TrustedRoot = {
      fromJSON(object) {
        return {
          mediaType: isSet(object.mediaType) ? globalThis.String(object.mediaType) : "",
          tlogs: globalThis.Array.isArray(object?.tlogs) ? object.tlogs.map((e) => exports.TransparencyLogInstance.fromJSON(e)) : [],
          certificateAuthorities: globalThis.Array.isArray(object?.certificateAuthorities) ? object.certificateAuthorities.map((e) => exports.CertificateAuthority.fromJSON(e)) : [],
          ctlogs: globalThis.Array.isArray(object?.ctlogs) ? object.ctlogs.map((e) => exports.TransparencyLogInstance.fromJSON(e)) : [],
          timestampAuthorities: globalThis.Array.isArray(object?.timestampAuthorities) ? object.timestampAuthorities.map((e) => exports.CertificateAuthority.fromJSON(e)) : []
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.mediaType !== "") {
          obj.mediaType = message2.mediaType;
        }
        if (message2.tlogs?.length) {
          obj.tlogs = message2.tlogs.map((e) => exports.TransparencyLogInstance.toJSON(e));
        }
        if (message2.certificateAuthorities?.length) {
          obj.certificateAuthorities = message2.certificateAuthorities.map((e) => exports.CertificateAuthority.toJSON(e));
        }
        if (message2.ctlogs?.length) {
          obj.ctlogs = message2.ctlogs.map((e) => exports.TransparencyLogInstance.toJSON(e));
        }
        if (message2.timestampAuthorities?.length) {
          obj.timestampAuthorities = message2.timestampAuthorities.map((e) => exports.CertificateAuthority.toJSON(e));
        }
        return obj;
      }
    };
    exports.SigningConfig = {
      fromJSON(object) {
        return {
          mediaType: isSet(object.mediaType) ? globalThis.String(object.mediaType) : "",
          caUrls: globalThis.Array.isArray(object?.caUrls) ? object.caUrls.map((e) => exports.Service.fromJSON(e)) : [],
          oidcUrls: globalThis.Array.isArray(object?.oidcUrls) ? object.oidcUrls.map((e) => exports.Service.fromJSON(e)) : [],
          rekorTlogUrls: globalThis.Array.isArray(object?.rekorTlogUrls) ? object.rekorTlogUrls.map((e) => exports.Service.fromJSON(e)) : [],
          rekorTlogConfig: isSet(object.rekorTlogConfig) ? exports.ServiceConfiguration.fromJSON(object.rekorTlogConfig) : void 0,
          tsaUrls: globalThis.Array.isArray(object?.tsaUrls) ? object.tsaUrls.map((e) => exports.Service.fromJSON(e)) : [],
          tsaConfig: isSet(object.tsaConfig) ? exports.ServiceConfiguration.fromJSON(object.tsaConfig) : void 0
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.mediaType !== "") {
          obj.mediaType = message2.mediaType;
        }
        if (message2.caUrls?.length) {
          obj.caUrls = message2.caUrls.map((e) => exports.Service.toJSON(e));
        }
        if (message2.oidcUrls?.length) {
          obj.oidcUrls = message2.oidcUrls.map((e) => exports.Service.toJSON(e));
        }
        if (message2.rekorTlogUrls?.length) {
          obj.rekorTlogUrls = message2.rekorTlogUrls.map((e) => exports.Service.toJSON(e));
        }
        if (message2.rekorTlogConfig !== void 0) {
          obj.rekorTlogConfig = exports.ServiceConfiguration.toJSON(message2.rekorTlogConfig);
        }
        if (message2.tsaUrls?.length) {
          obj.tsaUrls = message2.tsaUrls.map((e) => exports.Service.toJSON(e));
        }
        if (message2.tsaConfig !== void 0) {
          obj.tsaConfig = exports.ServiceConfiguration.toJSON(message2.tsaConfig);
        }
        return obj;
      }
    };
    exports.Service = {
      fromJSON(object) {
        return {
          url: isSet(object.url) ? globalThis.String(object.url) : "",
          majorApiVersion: isSet(object.majorApiVersion) ? globalThis.Number(object.majorApiVersion) : 0,
          validFor: isSet(object.validFor) ? sigstore_common_1.TimeRange.fromJSON(object.validFor) : void 0,
          operator: isSet(object.operator) ? globalThis.String(object.operator) : ""
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.url !== "") {
          obj.url = message2.url;
        }
        if (message2.majorApiVersion !== 0) {
          obj.majorApiVersion = Math.round(message2.majorApiVersion);
        }
        if (message2.validFor !== void 0) {
          obj.validFor = sigstore_common_1.TimeRange.toJSON(message2.validFor);
        }
        if (message2.operator !== "") {
          obj.operator = message2.operator;
        }
        return obj;
      }
    };
    exports.ServiceConfiguration = {
      fromJSON(object) {
        return {
          selector: isSet(object.selector) ? serviceSelectorFromJSON(object.selector) : 0,
          count: isSet(object.count) ? globalThis.Number(object.count) : 0
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.selector !== 0) {
          obj.selector = serviceSelectorToJSON(message2.selector);
        }
        if (message2.count !== 0) {
          obj.count = Math.round(message2.count);
        }
        return obj;
      }
    };
    exports.ClientTrustConfig = {
      fromJSON(object) {
        return {
          mediaType: isSet(object.mediaType) ? globalThis.String(object.mediaType) : "",
          trustedRoot: isSet(object.trustedRoot) ? exports.TrustedRoot.fromJSON(object.trustedRoot) : void 0,
          signingConfig: isSet(object.signingConfig) ? exports.SigningConfig.fromJSON(object.signingConfig) : void 0
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.mediaType !== "") {
          obj.mediaType = message2.mediaType;
        }
        if (message2.trustedRoot !== void 0) {
          obj.trustedRoot = exports.TrustedRoot.toJSON(message2.trustedRoot);
        }
        if (message2.signingConfig !== void 0) {
          obj.signingConfig = exports.SigningConfig.toJSON(message2.signingConfig);
        }
        return obj;
      }
    };
    function isSet(value) {
      return value !== null && value !== void 0;
    }
  }
});

// node_modules/@sigstore/protobuf-specs/dist/__generated__/sigstore_verification.js
var require_sigstore_verification = __commonJS({
  "node_modules/@sigstore/protobuf-specs/dist/__generated__/sigstore_verification.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Input = exports.Artifact = exports.ArtifactVerificationOptions_ObserverTimestampOptions = exports.ArtifactVerificationOptions_TlogIntegratedTimestampOptions = exports.ArtifactVerificationOptions_TimestampAuthorityOptions = exports.ArtifactVerificationOptions_CtlogOptions = exports.ArtifactVerificationOptions_TlogOptions = exports.ArtifactVerificationOptions = exports.PublicKeyIdentities = exports.CertificateIdentities = exports.CertificateIdentity = void 0;
    var sigstore_bundle_1 = require_sigstore_bundle();
    var sigstore_common_1 = require_sigstore_common();
    var sigstore_trustroot_1 = require_sigstore_trustroot();
    exports.CertificateIdentity = {
      fromJSON(object) {
        return {
          issuer: isSet(object.issuer) ? globalThis.String(object.issuer) : "",
          san: isSet(object.san) ? sigstore_common_1.SubjectAlternativeName.fromJSON(object.san) : void 0,
          oids: globalThis.Array.isArray(object?.oids) ? object.oids.map((e) => sigstore_common_1.ObjectIdentifierValuePair.fromJSON(e)) : []
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.issuer !== "") {
          obj.issuer = message2.issuer;
        }
        if (message2.san !== void 0) {
          obj.san = sigstore_common_1.SubjectAlternativeName.toJSON(message2.san);
        }
        if (message2.oids?.length) {
          obj.oids = message2.oids.map((e) => sigstore_common_1.ObjectIdentifierValuePair.toJSON(e));
        }
        return obj;
      }
    };
    exports.CertificateIdentities = {
      fromJSON(object) {
        return {
          identities: globalThis.Array.isArray(object?.identities) ? object.identities.map((e) => exports.CertificateIdentity.fromJSON(e)) : []
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.identities?.length) {
          obj.identities = message2.identities.map((e) => exports.CertificateIdentity.toJSON(e));
        }
        return obj;
      }
    };
    exports.PublicKeyIdentities = {
      fromJSON(object) {
        return {
          publicKeys: globalThis.Array.isArray(object?.publicKeys) ? object.publicKeys.map((e) => sigstore_common_1.PublicKey.fromJSON(e)) : []
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.publicKeys?.length) {
          obj.publicKeys = message2.publicKeys.map((e) => sigstore_common_1.PublicKey.toJSON(e));
        }
        return obj;
      }
    };
    exports.ArtifactVerificationOptions = {
      fromJSON(object) {
        return {
          signers: isSet(object.certificateIdentities) ? {
            $case: "certificateIdentities",
            certificateIdentities: exports.CertificateIdentities.fromJSON(object.certificateIdentities)
          } : isSet(object.publicKeys) ? { $case: "publicKeys", publicKeys: exports.PublicKeyIdentities.fromJSON(object.publicKeys) } : void 0,
          tlogOptions: isSet(object.tlogOptions) ? exports.ArtifactVerificationOptions_TlogOptions.fromJSON(object.tlogOptions) : void 0,
          ctlogOptions: isSet(object.ctlogOptions) ? exports.ArtifactVerificationOptions_CtlogOptions.fromJSON(object.ctlogOptions) : void 0,
          tsaOptions: isSet(object.tsaOptions) ? exports.ArtifactVerificationOptions_TimestampAuthorityOptions.fromJSON(object.tsaOptions) : void 0,
          integratedTsOptions: isSet(object.integratedTsOptions) ? exports.ArtifactVerificationOptions_TlogIntegratedTimestampOptions.fromJSON(object.integratedTsOptions) : void 0,
          observerOptions: isSet(object.observerOptions) ? exports.ArtifactVerificationOptions_ObserverTimestampOptions.fromJSON(object.observerOptions) : void 0
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.signers?.$case === "certificateIdentities") {
          obj.certificateIdentities = exports.CertificateIdentities.toJSON(message2.signers.certificateIdentities);
        } else if (message2.signers?.$case === "publicKeys") {
          obj.publicKeys = exports.PublicKeyIdentities.toJSON(message2.signers.publicKeys);
        }
        if (message2.tlogOptions !== void 0) {
          obj.tlogOptions = exports.ArtifactVerificationOptions_TlogOptions.toJSON(message2.tlogOptions);
        }
        if (message2.ctlogOptions !== void 0) {
          obj.ctlogOptions = exports.ArtifactVerificationOptions_CtlogOptions.toJSON(message2.ctlogOptions);
        }
        if (message2.tsaOptions !== void 0) {
          obj.tsaOptions = exports.ArtifactVerificationOptions_TimestampAuthorityOptions.toJSON(message2.tsaOptions);
        }
        if (message2.integratedTsOptions !== void 0) {
          obj.integratedTsOptions = exports.ArtifactVerificationOptions_TlogIntegratedTimestampOptions.toJSON(message2.integratedTsOptions);
        }
        if (message2.observerOptions !== void 0) {
          obj.observerOptions = exports.ArtifactVerificationOptions_ObserverTimestampOptions.toJSON(message2.observerOptions);
        }
        return obj;
      }
    };
    exports.ArtifactVerificationOptions_TlogOptions = {
      fromJSON(object) {
        return {
          threshold: isSet(object.threshold) ? globalThis.Number(object.threshold) : 0,
          performOnlineVerification: isSet(object.performOnlineVerification) ? globalThis.Boolean(object.performOnlineVerification) : false,
          disable: isSet(object.disable) ? globalThis.Boolean(object.disable) : false
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.threshold !== 0) {
          obj.threshold = Math.round(message2.threshold);
        }
        if (message2.performOnlineVerification !== false) {
          obj.performOnlineVerification = message2.performOnlineVerification;
        }
        if (message2.disable !== false) {
          obj.disable = message2.disable;
        }
        return obj;
      }
    };
    exports.ArtifactVerificationOptions_CtlogOptions = {
      fromJSON(object) {
        return {
          threshold: isSet(object.threshold) ? globalThis.Number(object.threshold) : 0,
          disable: isSet(object.disable) ? globalThis.Boolean(object.disable) : false
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.threshold !== 0) {
          obj.threshold = Math.round(message2.threshold);
        }
        if (message2.disable !== false) {
          obj.disable = message2.disable;
        }
        return obj;
      }
    };
    exports.ArtifactVerificationOptions_TimestampAuthorityOptions = {
      fromJSON(object) {
        return {
          threshold: isSet(object.threshold) ? globalThis.Number(object.threshold) : 0,
          disable: isSet(object.disable) ? globalThis.Boolean(object.disable) : false
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.threshold !== 0) {
          obj.threshold = Math.round(message2.threshold);
        }
        if (message2.disable !== false) {
          obj.disable = message2.disable;
        }
        return obj;
      }
    };
    exports.ArtifactVerificationOptions_TlogIntegratedTimestampOptions = {
      fromJSON(object) {
        return {
          threshold: isSet(object.threshold) ? globalThis.Number(object.threshold) : 0,
          disable: isSet(object.disable) ? globalThis.Boolean(object.disable) : false
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.threshold !== 0) {
          obj.threshold = Math.round(message2.threshold);
        }
        if (message2.disable !== false) {
          obj.disable = message2.disable;
        }
        return obj;
      }
    };
    exports.ArtifactVerificationOptions_ObserverTimestampOptions = {
      fromJSON(object) {
        return {
          threshold: isSet(object.threshold) ? globalThis.Number(object.threshold) : 0,
          disable: isSet(object.disable) ? globalThis.Boolean(object.disable) : false
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.threshold !== 0) {
          obj.threshold = Math.round(message2.threshold);
        }
        if (message2.disable !== false) {
          obj.disable = message2.disable;
        }
        return obj;
      }
    };
    exports.Artifact = {
      fromJSON(object) {
        return {
          data: isSet(object.artifactUri) ? { $case: "artifactUri", artifactUri: globalThis.String(object.artifactUri) } : isSet(object.artifact) ? { $case: "artifact", artifact: Buffer2.from(bytesFromBase64(object.artifact)) } : isSet(object.artifactDigest) ? { $case: "artifactDigest", artifactDigest: sigstore_common_1.HashOutput.fromJSON(object.artifactDigest) } : void 0
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.data?.$case === "artifactUri") {
          obj.artifactUri = message2.data.artifactUri;
        } else if (message2.data?.$case === "artifact") {
          obj.artifact = base64FromBytes(message2.data.artifact);
        } else if (message2.data?.$case === "artifactDigest") {
          obj.artifactDigest = sigstore_common_1.HashOutput.toJSON(message2.data.artifactDigest);
        }
        return obj;
      }
    };
    exports.Input = {
      fromJSON(object) {
        return {
          artifactTrustRoot: isSet(object.artifactTrustRoot) ? sigstore_trustroot_1.TrustedRoot.fromJSON(object.artifactTrustRoot) : void 0,
          artifactVerificationOptions: isSet(object.artifactVerificationOptions) ? exports.ArtifactVerificationOptions.fromJSON(object.artifactVerificationOptions) : void 0,
          bundle: isSet(object.bundle) ? sigstore_bundle_1.Bundle.fromJSON(object.bundle) : void 0,
          artifact: isSet(object.artifact) ? exports.Artifact.fromJSON(object.artifact) : void 0
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.artifactTrustRoot !== void 0) {
          obj.artifactTrustRoot = sigstore_trustroot_1.TrustedRoot.toJSON(message2.artifactTrustRoot);
        }
        if (message2.artifactVerificationOptions !== void 0) {
          obj.artifactVerificationOptions = exports.ArtifactVerificationOptions.toJSON(message2.artifactVerificationOptions);
        }
        if (message2.bundle !== void 0) {
          obj.bundle = sigstore_bundle_1.Bundle.toJSON(message2.bundle);
        }
        if (message2.artifact !== void 0) {
          obj.artifact = exports.Artifact.toJSON(message2.artifact);
        }
        return obj;
      }
    };
    function bytesFromBase64(b64) {
      return Uint8Array.from(Buffer2.from(b64, "base64"));
    }
    function base64FromBytes(arr) {
      return Buffer2.from(arr).toString("base64");
    }
    function isSet(value) {
      return value !== null && value !== void 0;
    }
  }
});

// node_modules/@sigstore/protobuf-specs/dist/index.js
var require_dist = __commonJS({
  "node_modules/@sigstore/protobuf-specs/dist/index.js"(exports) {
    "use strict";
    init_buffer();
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    __exportStar(require_envelope(), exports);
    __exportStar(require_sigstore_bundle(), exports);
    __exportStar(require_sigstore_common(), exports);
    __exportStar(require_sigstore_rekor(), exports);
    __exportStar(require_sigstore_trustroot(), exports);
    __exportStar(require_sigstore_verification(), exports);
  }
});

// node_modules/@sigstore/core/dist/stream.js
var require_stream = __commonJS({
  "node_modules/@sigstore/core/dist/stream.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ByteStream = void 0;
    var StreamError = class extends Error {
    };
    var ByteStream = class _ByteStream {
      static BLOCK_SIZE = 1024;
      buf;
      view;
      start = 0;
      constructor(buffer) {
        if (buffer) {
          this.buf = buffer;
          this.view = Buffer2.from(buffer);
        } else {
          this.buf = Buffer2.alloc(0);
          this.view = Buffer2.from(this.buf);
        }
      }
      get buffer() {
        return this.view.subarray(0, this.start);
      }
      get length() {
        return this.view.byteLength;
      }
      get position() {
        return this.start;
      }
      seek(position) {
        this.start = position;
      }
      // Returns a Buffer containing the specified number of bytes starting at the
      // given start position.
      slice(start, len) {
        const end = start + len;
        if (end > this.length) {
          throw new StreamError("request past end of buffer");
        }
        return this.view.subarray(start, end);
      }
      appendChar(char) {
        this.ensureCapacity(1);
        this.view[this.start] = char;
        this.start += 1;
      }
      appendUint16(num) {
        this.ensureCapacity(2);
        const value = new Uint16Array([num]);
        const view = new Uint8Array(value.buffer);
        this.view[this.start] = view[1];
        this.view[this.start + 1] = view[0];
        this.start += 2;
      }
      appendUint24(num) {
        this.ensureCapacity(3);
        const value = new Uint32Array([num]);
        const view = new Uint8Array(value.buffer);
        this.view[this.start] = view[2];
        this.view[this.start + 1] = view[1];
        this.view[this.start + 2] = view[0];
        this.start += 3;
      }
      appendView(view) {
        this.ensureCapacity(view.length);
        this.view.set(view, this.start);
        this.start += view.length;
      }
      getBlock(size) {
        if (size <= 0) {
          return Buffer2.alloc(0);
        }
        if (this.start + size > this.view.length) {
          throw new Error("request past end of buffer");
        }
        const result = this.view.subarray(this.start, this.start + size);
        this.start += size;
        return result;
      }
      getUint8() {
        return this.getBlock(1)[0];
      }
      getUint16() {
        const block = this.getBlock(2);
        return block[0] << 8 | block[1];
      }
      ensureCapacity(size) {
        if (this.start + size > this.view.byteLength) {
          const blockSize = _ByteStream.BLOCK_SIZE + (size > _ByteStream.BLOCK_SIZE ? size : 0);
          this.realloc(this.view.byteLength + blockSize);
        }
      }
      realloc(size) {
        const newArray = Buffer2.alloc(size);
        const newView = Buffer2.from(newArray);
        newView.set(this.view);
        this.buf = newArray;
        this.view = newView;
      }
    };
    exports.ByteStream = ByteStream;
  }
});

// node_modules/@sigstore/core/dist/asn1/error.js
var require_error = __commonJS({
  "node_modules/@sigstore/core/dist/asn1/error.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ASN1TypeError = exports.ASN1ParseError = void 0;
    var ASN1ParseError = class extends Error {
    };
    exports.ASN1ParseError = ASN1ParseError;
    var ASN1TypeError = class extends Error {
    };
    exports.ASN1TypeError = ASN1TypeError;
  }
});

// node_modules/@sigstore/core/dist/asn1/length.js
var require_length = __commonJS({
  "node_modules/@sigstore/core/dist/asn1/length.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.decodeLength = decodeLength;
    exports.encodeLength = encodeLength;
    var error_1 = require_error();
    function decodeLength(stream) {
      const buf = stream.getUint8();
      if ((buf & 128) === 0) {
        return buf;
      }
      const byteCount = buf & 127;
      if (byteCount > 6) {
        throw new error_1.ASN1ParseError("length exceeds 6 byte limit");
      }
      let len = 0;
      for (let i = 0; i < byteCount; i++) {
        const byte = stream.getUint8();
        if (i === 0 && byte === 0) {
          throw new error_1.ASN1ParseError("non-minimal length encoding");
        }
        len = len * 256 + byte;
      }
      if (len === 0) {
        throw new error_1.ASN1ParseError("indefinite length encoding not supported");
      }
      if (len < 128) {
        throw new error_1.ASN1ParseError("non-minimal length encoding");
      }
      return len;
    }
    function encodeLength(len) {
      if (len < 128) {
        return Buffer2.from([len]);
      }
      let val = BigInt(len);
      const bytes = [];
      while (val > 0n) {
        bytes.unshift(Number(val & 255n));
        val = val >> 8n;
      }
      return Buffer2.from([128 | bytes.length, ...bytes]);
    }
  }
});

// node_modules/@sigstore/core/dist/asn1/parse.js
var require_parse = __commonJS({
  "node_modules/@sigstore/core/dist/asn1/parse.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.parseInteger = parseInteger;
    exports.parseStringASCII = parseStringASCII;
    exports.parseTime = parseTime;
    exports.parseOID = parseOID;
    exports.parseBoolean = parseBoolean;
    exports.parseBitString = parseBitString;
    var error_1 = require_error();
    var RE_TIME_SHORT_YEAR = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d{3})?Z$/;
    var RE_TIME_LONG_YEAR = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d{3})?Z$/;
    function parseInteger(buf) {
      let pos = 0;
      const end = buf.length;
      let val = buf[pos];
      const neg = val > 127;
      const pad = neg ? 255 : 0;
      while (val == pad && ++pos < end) {
        val = buf[pos];
      }
      const len = end - pos;
      if (len === 0)
        return BigInt(neg ? -1 : 0);
      val = neg ? val - 256 : val;
      let n = BigInt(val);
      for (let i = pos + 1; i < end; ++i) {
        n = n * BigInt(256) + BigInt(buf[i]);
      }
      return n;
    }
    function parseStringASCII(buf) {
      return buf.toString("ascii");
    }
    function parseTime(buf, shortYear) {
      const timeStr = parseStringASCII(buf);
      const m = shortYear ? RE_TIME_SHORT_YEAR.exec(timeStr) : RE_TIME_LONG_YEAR.exec(timeStr);
      if (!m) {
        throw new Error("invalid time");
      }
      if (shortYear) {
        let year = Number(m[1]);
        year += year >= 50 ? 1900 : 2e3;
        m[1] = year.toString();
      }
      return /* @__PURE__ */ new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
    }
    function parseOID(buf) {
      let pos = 0;
      const end = buf.length;
      let n = buf[pos++];
      const first = Math.floor(n / 40);
      const second = n % 40;
      let oid = `${first}.${second}`;
      let val = 0n;
      for (; pos < end; ++pos) {
        n = buf[pos];
        val = (val << 7n) + BigInt(n & 127);
        if ((n & 128) === 0) {
          oid += `.${val}`;
          val = 0n;
        }
      }
      return oid;
    }
    function parseBoolean(buf) {
      if (buf.length !== 1) {
        throw new error_1.ASN1ParseError("invalid boolean");
      }
      switch (buf[0]) {
        case 0:
          return false;
        case 255:
          return true;
        default:
          throw new error_1.ASN1ParseError("invalid boolean");
      }
    }
    function parseBitString(buf) {
      const unused = buf[0];
      if (unused > 7) {
        throw new error_1.ASN1ParseError("invalid bit string");
      }
      const start = 1;
      const end = buf.length;
      const bits = [];
      for (let i = start; i < end; ++i) {
        const byte = buf[i];
        const skip = i === end - 1 ? unused : 0;
        for (let j = 7; j >= skip; --j) {
          bits.push(byte >> j & 1);
        }
      }
      return bits;
    }
  }
});

// node_modules/@sigstore/core/dist/asn1/tag.js
var require_tag = __commonJS({
  "node_modules/@sigstore/core/dist/asn1/tag.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ASN1Tag = void 0;
    var error_1 = require_error();
    var UNIVERSAL_TAG = {
      BOOLEAN: 1,
      INTEGER: 2,
      BIT_STRING: 3,
      OCTET_STRING: 4,
      OBJECT_IDENTIFIER: 6,
      SEQUENCE: 16,
      SET: 17,
      PRINTABLE_STRING: 19,
      UTC_TIME: 23,
      GENERALIZED_TIME: 24
    };
    var TAG_CLASS = {
      UNIVERSAL: 0,
      APPLICATION: 1,
      CONTEXT_SPECIFIC: 2,
      PRIVATE: 3
    };
    var ASN1Tag = class {
      number;
      constructed;
      class;
      constructor(enc) {
        this.number = enc & 31;
        this.constructed = (enc & 32) === 32;
        this.class = enc >> 6;
        if (this.number === 31) {
          throw new error_1.ASN1ParseError("long form tags not supported");
        }
        if (this.class === TAG_CLASS.UNIVERSAL && this.number === 0) {
          throw new error_1.ASN1ParseError("unsupported tag 0x00");
        }
      }
      isUniversal() {
        return this.class === TAG_CLASS.UNIVERSAL;
      }
      isContextSpecific(num) {
        const res = this.class === TAG_CLASS.CONTEXT_SPECIFIC;
        return num !== void 0 ? res && this.number === num : res;
      }
      isBoolean() {
        return this.isUniversal() && this.number === UNIVERSAL_TAG.BOOLEAN;
      }
      isInteger() {
        return this.isUniversal() && this.number === UNIVERSAL_TAG.INTEGER;
      }
      isBitString() {
        return this.isUniversal() && this.number === UNIVERSAL_TAG.BIT_STRING;
      }
      isOctetString() {
        return this.isUniversal() && this.number === UNIVERSAL_TAG.OCTET_STRING;
      }
      isOID() {
        return this.isUniversal() && this.number === UNIVERSAL_TAG.OBJECT_IDENTIFIER;
      }
      isUTCTime() {
        return this.isUniversal() && this.number === UNIVERSAL_TAG.UTC_TIME;
      }
      isGeneralizedTime() {
        return this.isUniversal() && this.number === UNIVERSAL_TAG.GENERALIZED_TIME;
      }
      toDER() {
        return this.number | (this.constructed ? 32 : 0) | this.class << 6;
      }
    };
    exports.ASN1Tag = ASN1Tag;
  }
});

// node_modules/@sigstore/core/dist/asn1/obj.js
var require_obj = __commonJS({
  "node_modules/@sigstore/core/dist/asn1/obj.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ASN1Obj = void 0;
    var stream_1 = require_stream();
    var error_1 = require_error();
    var length_1 = require_length();
    var parse_1 = require_parse();
    var tag_1 = require_tag();
    var ASN1Obj = class {
      tag;
      subs;
      value;
      constructor(tag, value, subs) {
        this.tag = tag;
        this.value = value;
        this.subs = subs;
      }
      // Constructs an ASN.1 object from a Buffer of DER-encoded bytes.
      static parseBuffer(buf) {
        const stream = new stream_1.ByteStream(buf);
        const obj = parseStream(stream);
        if (stream.position !== stream.length) {
          throw new error_1.ASN1ParseError("invalid trailing data");
        }
        return obj;
      }
      toDER() {
        const valueStream = new stream_1.ByteStream();
        if (this.subs.length > 0) {
          for (const sub of this.subs) {
            valueStream.appendView(sub.toDER());
          }
        } else {
          valueStream.appendView(this.value);
        }
        const value = valueStream.buffer;
        const obj = new stream_1.ByteStream();
        obj.appendChar(this.tag.toDER());
        obj.appendView((0, length_1.encodeLength)(value.length));
        obj.appendView(value);
        return obj.buffer;
      }
      /////////////////////////////////////////////////////////////////////////////
      // Convenience methods for parsing ASN.1 primitives into JS types
      // Returns the ASN.1 object's value as a boolean. Throws an error if the
      // object is not a boolean.
      toBoolean() {
        if (!this.tag.isBoolean()) {
          throw new error_1.ASN1TypeError("not a boolean");
        }
        return (0, parse_1.parseBoolean)(this.value);
      }
      // Returns the ASN.1 object's value as a BigInt. Throws an error if the
      // object is not an integer.
      toInteger() {
        if (!this.tag.isInteger()) {
          throw new error_1.ASN1TypeError("not an integer");
        }
        return (0, parse_1.parseInteger)(this.value);
      }
      // Returns the ASN.1 object's value as an OID string. Throws an error if the
      // object is not an OID.
      toOID() {
        if (!this.tag.isOID()) {
          throw new error_1.ASN1TypeError("not an OID");
        }
        return (0, parse_1.parseOID)(this.value);
      }
      // Returns the ASN.1 object's value as a Date. Throws an error if the object
      // is not either a UTCTime or a GeneralizedTime.
      toDate() {
        switch (true) {
          case this.tag.isUTCTime():
            return (0, parse_1.parseTime)(this.value, true);
          case this.tag.isGeneralizedTime():
            return (0, parse_1.parseTime)(this.value, false);
          default:
            throw new error_1.ASN1TypeError("not a date");
        }
      }
      // Returns the ASN.1 object's value as a number[] where each number is the
      // value of a bit in the bit string. Throws an error if the object is not a
      // bit string.
      toBitString() {
        if (!this.tag.isBitString()) {
          throw new error_1.ASN1TypeError("not a bit string");
        }
        return (0, parse_1.parseBitString)(this.value);
      }
    };
    exports.ASN1Obj = ASN1Obj;
    var MAX_DEPTH = 100;
    function parseStream(stream, depth = 0) {
      if (depth > MAX_DEPTH) {
        throw new error_1.ASN1ParseError("maximum nesting depth exceeded");
      }
      const tag = new tag_1.ASN1Tag(stream.getUint8());
      const len = (0, length_1.decodeLength)(stream);
      const value = stream.slice(stream.position, len);
      const start = stream.position;
      let subs = [];
      if (tag.constructed) {
        subs = collectSubs(stream, len, depth);
      } else if (tag.isOctetString()) {
        try {
          subs = collectSubs(stream, len, depth);
        } catch (e) {
        }
      }
      if (subs.length === 0) {
        stream.seek(start + len);
      }
      return new ASN1Obj(tag, value, subs);
    }
    function collectSubs(stream, len, depth) {
      const end = stream.position + len;
      if (end > stream.length) {
        throw new error_1.ASN1ParseError("invalid length");
      }
      const subs = [];
      while (stream.position < end) {
        subs.push(parseStream(stream, depth + 1));
      }
      if (stream.position !== end) {
        throw new error_1.ASN1ParseError("invalid length");
      }
      return subs;
    }
  }
});

// node_modules/@sigstore/core/dist/asn1/index.js
var require_asn1 = __commonJS({
  "node_modules/@sigstore/core/dist/asn1/index.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ASN1Obj = void 0;
    var obj_1 = require_obj();
    Object.defineProperty(exports, "ASN1Obj", { enumerable: true, get: function() {
      return obj_1.ASN1Obj;
    } });
  }
});

// node_modules/@sigstore/core/dist/crypto.js
var require_crypto = __commonJS({
  "node_modules/@sigstore/core/dist/crypto.js"(exports) {
    "use strict";
    init_buffer();
    var __importDefault = exports && exports.__importDefault || function(mod3) {
      return mod3 && mod3.__esModule ? mod3 : { "default": mod3 };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createPublicKey = createPublicKey2;
    exports.digest = digest;
    exports.verify = verify2;
    exports.bufferEqual = bufferEqual;
    var crypto_1 = __importDefault((init_node_crypto(), __toCommonJS(node_crypto_exports)));
    function createPublicKey2(key, type = "spki") {
      if (typeof key === "string") {
        if (key.startsWith("-----")) {
          return crypto_1.default.createPublicKey(key);
        } else {
          return crypto_1.default.createPublicKey({
            key: Buffer2.from(key, "base64"),
            format: "der",
            type
          });
        }
      } else {
        return crypto_1.default.createPublicKey({ key, format: "der", type });
      }
    }
    function digest(algorithm, ...data) {
      const hash = crypto_1.default.createHash(algorithm);
      for (const d of data) {
        hash.update(d);
      }
      return hash.digest();
    }
    function verify2(data, key, signature, algorithm) {
      try {
        return crypto_1.default.verify(algorithm, data, key, signature);
      } catch (e) {
        return false;
      }
    }
    function bufferEqual(a, b) {
      try {
        return crypto_1.default.timingSafeEqual(a, b);
      } catch {
        return false;
      }
    }
  }
});

// node_modules/@sigstore/core/dist/dsse.js
var require_dsse = __commonJS({
  "node_modules/@sigstore/core/dist/dsse.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.preAuthEncoding = preAuthEncoding2;
    var PAE_PREFIX = "DSSEv1";
    function preAuthEncoding2(payloadType, payload) {
      const typeBytes = Buffer2.from(payloadType, "utf-8");
      return Buffer2.concat([
        Buffer2.from(`${PAE_PREFIX} ${typeBytes.length} `, "ascii"),
        typeBytes,
        Buffer2.from(` ${payload.length} `, "ascii"),
        payload
      ]);
    }
  }
});

// node_modules/@sigstore/core/dist/encoding.js
var require_encoding = __commonJS({
  "node_modules/@sigstore/core/dist/encoding.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.base64Encode = base64Encode;
    exports.base64Decode = base64Decode;
    var BASE64_ENCODING = "base64";
    var UTF8_ENCODING = "utf-8";
    function base64Encode(str) {
      return Buffer2.from(str, UTF8_ENCODING).toString(BASE64_ENCODING);
    }
    function base64Decode(str) {
      return Buffer2.from(str, BASE64_ENCODING).toString(UTF8_ENCODING);
    }
  }
});

// node_modules/@sigstore/core/dist/json.js
var require_json = __commonJS({
  "node_modules/@sigstore/core/dist/json.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.canonicalize = canonicalize;
    function canonicalize(object) {
      let buffer = "";
      if (object === null || typeof object !== "object" || object.toJSON != null) {
        buffer += JSON.stringify(object);
      } else if (Array.isArray(object)) {
        buffer += "[";
        let first = true;
        object.forEach((element2) => {
          if (!first) {
            buffer += ",";
          }
          first = false;
          buffer += canonicalize(element2);
        });
        buffer += "]";
      } else {
        buffer += "{";
        let first = true;
        Object.keys(object).sort().forEach((property) => {
          if (!first) {
            buffer += ",";
          }
          first = false;
          buffer += JSON.stringify(property);
          buffer += ":";
          buffer += canonicalize(object[property]);
        });
        buffer += "}";
      }
      return buffer;
    }
  }
});

// node_modules/@sigstore/core/dist/pem.js
var require_pem = __commonJS({
  "node_modules/@sigstore/core/dist/pem.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.toDER = toDER;
    exports.fromDER = fromDER;
    var PEM_HEADER = /-----BEGIN (.*)-----/;
    var PEM_FOOTER = /-----END (.*)-----/;
    function toDER(certificate) {
      let der = "";
      certificate.split("\n").forEach((line) => {
        if (line.match(PEM_HEADER) || line.match(PEM_FOOTER)) {
          return;
        }
        der += line;
      });
      return Buffer2.from(der, "base64");
    }
    function fromDER(certificate, type = "CERTIFICATE") {
      const der = certificate.toString("base64");
      const lines = der.match(/.{1,64}/g) || "";
      return [`-----BEGIN ${type}-----`, ...lines, `-----END ${type}-----`].join("\n").concat("\n");
    }
  }
});

// node_modules/@sigstore/core/dist/oid.js
var require_oid = __commonJS({
  "node_modules/@sigstore/core/dist/oid.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SHA2_HASH_ALGOS = exports.RSA_SIGNATURE_ALGOS = exports.ECDSA_SIGNATURE_ALGOS = void 0;
    exports.ECDSA_SIGNATURE_ALGOS = {
      "1.2.840.10045.4.3.1": "sha224",
      "1.2.840.10045.4.3.2": "sha256",
      "1.2.840.10045.4.3.3": "sha384",
      "1.2.840.10045.4.3.4": "sha512"
    };
    exports.RSA_SIGNATURE_ALGOS = {
      "1.2.840.113549.1.1.14": "sha224",
      "1.2.840.113549.1.1.11": "sha256",
      "1.2.840.113549.1.1.12": "sha384",
      "1.2.840.113549.1.1.13": "sha512"
    };
    exports.SHA2_HASH_ALGOS = {
      "2.16.840.1.101.3.4.2.1": "sha256",
      "2.16.840.1.101.3.4.2.2": "sha384",
      "2.16.840.1.101.3.4.2.3": "sha512"
    };
  }
});

// node_modules/@sigstore/core/dist/rfc3161/error.js
var require_error2 = __commonJS({
  "node_modules/@sigstore/core/dist/rfc3161/error.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.RFC3161TimestampVerificationError = void 0;
    var RFC3161TimestampVerificationError = class extends Error {
    };
    exports.RFC3161TimestampVerificationError = RFC3161TimestampVerificationError;
  }
});

// node_modules/@sigstore/core/dist/rfc3161/tstinfo.js
var require_tstinfo = __commonJS({
  "node_modules/@sigstore/core/dist/rfc3161/tstinfo.js"(exports) {
    "use strict";
    init_buffer();
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      };
      return function(mod3) {
        if (mod3 && mod3.__esModule) return mod3;
        var result = {};
        if (mod3 != null) {
          for (var k = ownKeys(mod3), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod3, k[i]);
        }
        __setModuleDefault(result, mod3);
        return result;
      };
    })();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TSTInfo = void 0;
    var crypto = __importStar(require_crypto());
    var oid_1 = require_oid();
    var error_1 = require_error2();
    var TSTInfo = class {
      root;
      constructor(asn1) {
        this.root = asn1;
      }
      get version() {
        return this.root.subs[0].toInteger();
      }
      get genTime() {
        return this.root.subs[4].toDate();
      }
      get messageImprintHashAlgorithm() {
        const oid = this.messageImprintObj.subs[0].subs[0].toOID();
        return oid_1.SHA2_HASH_ALGOS[oid];
      }
      get messageImprintHashedMessage() {
        return this.messageImprintObj.subs[1].value;
      }
      get raw() {
        return this.root.toDER();
      }
      verify(data) {
        const digest = crypto.digest(this.messageImprintHashAlgorithm, data);
        if (!crypto.bufferEqual(digest, this.messageImprintHashedMessage)) {
          throw new error_1.RFC3161TimestampVerificationError("message imprint does not match artifact");
        }
      }
      // https://www.rfc-editor.org/rfc/rfc3161#section-2.4.2
      get messageImprintObj() {
        return this.root.subs[2];
      }
    };
    exports.TSTInfo = TSTInfo;
  }
});

// node_modules/@sigstore/core/dist/rfc3161/timestamp.js
var require_timestamp2 = __commonJS({
  "node_modules/@sigstore/core/dist/rfc3161/timestamp.js"(exports) {
    "use strict";
    init_buffer();
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      };
      return function(mod3) {
        if (mod3 && mod3.__esModule) return mod3;
        var result = {};
        if (mod3 != null) {
          for (var k = ownKeys(mod3), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod3, k[i]);
        }
        __setModuleDefault(result, mod3);
        return result;
      };
    })();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.RFC3161Timestamp = void 0;
    var asn1_1 = require_asn1();
    var crypto = __importStar(require_crypto());
    var oid_1 = require_oid();
    var error_1 = require_error2();
    var tstinfo_1 = require_tstinfo();
    var OID_PKCS9_CONTENT_TYPE_SIGNED_DATA = "1.2.840.113549.1.7.2";
    var OID_PKCS9_CONTENT_TYPE_TSTINFO = "1.2.840.113549.1.9.16.1.4";
    var OID_PKCS9_MESSAGE_DIGEST_KEY = "1.2.840.113549.1.9.4";
    var RFC3161Timestamp2 = class _RFC3161Timestamp {
      root;
      constructor(asn1) {
        this.root = asn1;
      }
      static parse(der) {
        const asn1 = asn1_1.ASN1Obj.parseBuffer(der);
        return new _RFC3161Timestamp(asn1);
      }
      get status() {
        return this.pkiStatusInfoObj.subs[0].toInteger();
      }
      get contentType() {
        return this.contentTypeObj.toOID();
      }
      get eContentType() {
        return this.eContentTypeObj.toOID();
      }
      get signingTime() {
        return this.tstInfo.genTime;
      }
      get signerIssuer() {
        return this.signerSidObj.subs[0].value;
      }
      get signerSerialNumber() {
        return this.signerSidObj.subs[1].value;
      }
      get signerDigestAlgorithm() {
        const oid = this.signerDigestAlgorithmObj.subs[0].toOID();
        return oid_1.SHA2_HASH_ALGOS[oid];
      }
      get signatureAlgorithm() {
        const oid = this.signatureAlgorithmObj.subs[0].toOID();
        return oid_1.ECDSA_SIGNATURE_ALGOS[oid];
      }
      get signatureValue() {
        return this.signatureValueObj.value;
      }
      get tstInfo() {
        return new tstinfo_1.TSTInfo(this.eContentObj.subs[0].subs[0]);
      }
      verify(data, publicKey) {
        if (!this.timeStampTokenObj) {
          throw new error_1.RFC3161TimestampVerificationError("timeStampToken is missing");
        }
        if (this.contentType !== OID_PKCS9_CONTENT_TYPE_SIGNED_DATA) {
          throw new error_1.RFC3161TimestampVerificationError(`incorrect content type: ${this.contentType}`);
        }
        if (this.eContentType !== OID_PKCS9_CONTENT_TYPE_TSTINFO) {
          throw new error_1.RFC3161TimestampVerificationError(`incorrect encapsulated content type: ${this.eContentType}`);
        }
        this.tstInfo.verify(data);
        this.verifyMessageDigest();
        this.verifySignature(publicKey);
      }
      verifyMessageDigest() {
        const tstInfoDigest = crypto.digest(this.signerDigestAlgorithm, this.tstInfo.raw);
        const expectedDigest = this.messageDigestAttributeObj.subs[1].subs[0].value;
        if (!crypto.bufferEqual(tstInfoDigest, expectedDigest)) {
          throw new error_1.RFC3161TimestampVerificationError("signed data does not match tstInfo");
        }
      }
      verifySignature(key) {
        const signedAttrs = this.signedAttrsObj.toDER();
        signedAttrs[0] = 49;
        const verified = crypto.verify(signedAttrs, key, this.signatureValue, this.signatureAlgorithm);
        if (!verified) {
          throw new error_1.RFC3161TimestampVerificationError("signature verification failed");
        }
      }
      // https://www.rfc-editor.org/rfc/rfc3161#section-2.4.2
      get pkiStatusInfoObj() {
        return this.root.subs[0];
      }
      // https://www.rfc-editor.org/rfc/rfc3161#section-2.4.2
      get timeStampTokenObj() {
        return this.root.subs[1];
      }
      // https://datatracker.ietf.org/doc/html/rfc5652#section-3
      get contentTypeObj() {
        return this.timeStampTokenObj.subs[0];
      }
      // https://www.rfc-editor.org/rfc/rfc5652#section-3
      get signedDataObj() {
        const obj = this.timeStampTokenObj.subs.find((sub) => sub.tag.isContextSpecific(0));
        return obj.subs[0];
      }
      // https://datatracker.ietf.org/doc/html/rfc5652#section-5.1
      get encapContentInfoObj() {
        return this.signedDataObj.subs[2];
      }
      // https://datatracker.ietf.org/doc/html/rfc5652#section-5.1
      get signerInfosObj() {
        const sd = this.signedDataObj;
        return sd.subs[sd.subs.length - 1];
      }
      // https://www.rfc-editor.org/rfc/rfc5652#section-5.1
      get signerInfoObj() {
        return this.signerInfosObj.subs[0];
      }
      // https://datatracker.ietf.org/doc/html/rfc5652#section-5.2
      get eContentTypeObj() {
        return this.encapContentInfoObj.subs[0];
      }
      // https://datatracker.ietf.org/doc/html/rfc5652#section-5.2
      get eContentObj() {
        return this.encapContentInfoObj.subs[1];
      }
      // https://datatracker.ietf.org/doc/html/rfc5652#section-5.3
      get signedAttrsObj() {
        const signedAttrs = this.signerInfoObj.subs.find((sub) => sub.tag.isContextSpecific(0));
        return signedAttrs;
      }
      // https://datatracker.ietf.org/doc/html/rfc5652#section-5.3
      get messageDigestAttributeObj() {
        const messageDigest = this.signedAttrsObj.subs.find((sub) => sub.subs[0].tag.isOID() && sub.subs[0].toOID() === OID_PKCS9_MESSAGE_DIGEST_KEY);
        return messageDigest;
      }
      // https://datatracker.ietf.org/doc/html/rfc5652#section-5.3
      get signerSidObj() {
        return this.signerInfoObj.subs[1];
      }
      // https://datatracker.ietf.org/doc/html/rfc5652#section-5.3
      get signerDigestAlgorithmObj() {
        return this.signerInfoObj.subs[2];
      }
      // https://datatracker.ietf.org/doc/html/rfc5652#section-5.3
      get signatureAlgorithmObj() {
        return this.signerInfoObj.subs[4];
      }
      // https://datatracker.ietf.org/doc/html/rfc5652#section-5.3
      get signatureValueObj() {
        return this.signerInfoObj.subs[5];
      }
    };
    exports.RFC3161Timestamp = RFC3161Timestamp2;
  }
});

// node_modules/@sigstore/core/dist/rfc3161/index.js
var require_rfc3161 = __commonJS({
  "node_modules/@sigstore/core/dist/rfc3161/index.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.RFC3161Timestamp = void 0;
    var timestamp_1 = require_timestamp2();
    Object.defineProperty(exports, "RFC3161Timestamp", { enumerable: true, get: function() {
      return timestamp_1.RFC3161Timestamp;
    } });
  }
});

// node_modules/@sigstore/core/dist/x509/sct.js
var require_sct = __commonJS({
  "node_modules/@sigstore/core/dist/x509/sct.js"(exports) {
    "use strict";
    init_buffer();
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      };
      return function(mod3) {
        if (mod3 && mod3.__esModule) return mod3;
        var result = {};
        if (mod3 != null) {
          for (var k = ownKeys(mod3), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod3, k[i]);
        }
        __setModuleDefault(result, mod3);
        return result;
      };
    })();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SignedCertificateTimestamp = void 0;
    var crypto = __importStar(require_crypto());
    var stream_1 = require_stream();
    var SignedCertificateTimestamp = class _SignedCertificateTimestamp {
      version;
      logID;
      timestamp;
      extensions;
      hashAlgorithm;
      signatureAlgorithm;
      signature;
      constructor(options) {
        this.version = options.version;
        this.logID = options.logID;
        this.timestamp = options.timestamp;
        this.extensions = options.extensions;
        this.hashAlgorithm = options.hashAlgorithm;
        this.signatureAlgorithm = options.signatureAlgorithm;
        this.signature = options.signature;
      }
      get datetime() {
        return new Date(Number(this.timestamp.readBigInt64BE()));
      }
      // Returns the hash algorithm used to generate the SCT's signature.
      // https://www.rfc-editor.org/rfc/rfc5246#section-7.4.1.4.1
      get algorithm() {
        switch (this.hashAlgorithm) {
          /* istanbul ignore next */
          case 0:
            return "none";
          /* istanbul ignore next */
          case 1:
            return "md5";
          /* istanbul ignore next */
          case 2:
            return "sha1";
          /* istanbul ignore next */
          case 3:
            return "sha224";
          case 4:
            return "sha256";
          /* istanbul ignore next */
          case 5:
            return "sha384";
          /* istanbul ignore next */
          case 6:
            return "sha512";
          /* istanbul ignore next */
          default:
            return "unknown";
        }
      }
      verify(preCert, key) {
        const stream = new stream_1.ByteStream();
        stream.appendChar(this.version);
        stream.appendChar(0);
        stream.appendView(this.timestamp);
        stream.appendUint16(1);
        stream.appendView(preCert);
        stream.appendUint16(this.extensions.byteLength);
        if (this.extensions.byteLength > 0) {
          stream.appendView(this.extensions);
        }
        return crypto.verify(stream.buffer, key, this.signature, this.algorithm);
      }
      // Parses a SignedCertificateTimestamp from a buffer. SCTs are encoded using
      // TLS encoding which means the fields and lengths of most fields are
      // specified as part of the SCT and TLS specs.
      // https://www.rfc-editor.org/rfc/rfc6962#section-3.2
      // https://www.rfc-editor.org/rfc/rfc5246#section-7.4.1.4.1
      static parse(buf) {
        const stream = new stream_1.ByteStream(buf);
        const version = stream.getUint8();
        const logID = stream.getBlock(32);
        const timestamp = stream.getBlock(8);
        const extenstionLength = stream.getUint16();
        const extensions = stream.getBlock(extenstionLength);
        const hashAlgorithm = stream.getUint8();
        const signatureAlgorithm = stream.getUint8();
        const sigLength = stream.getUint16();
        const signature = stream.getBlock(sigLength);
        if (stream.position !== buf.length) {
          throw new Error("SCT buffer length mismatch");
        }
        return new _SignedCertificateTimestamp({
          version,
          logID,
          timestamp,
          extensions,
          hashAlgorithm,
          signatureAlgorithm,
          signature
        });
      }
    };
    exports.SignedCertificateTimestamp = SignedCertificateTimestamp;
  }
});

// node_modules/@sigstore/core/dist/x509/ext.js
var require_ext = __commonJS({
  "node_modules/@sigstore/core/dist/x509/ext.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.X509SCTExtension = exports.X509SubjectKeyIDExtension = exports.X509AuthorityKeyIDExtension = exports.X509SubjectAlternativeNameExtension = exports.X509KeyUsageExtension = exports.X509BasicConstraintsExtension = exports.X509Extension = void 0;
    var stream_1 = require_stream();
    var sct_1 = require_sct();
    var X509Extension = class {
      root;
      constructor(asn1) {
        this.root = asn1;
      }
      get oid() {
        return this.root.subs[0].toOID();
      }
      get critical() {
        return this.root.subs.length === 3 ? this.root.subs[1].toBoolean() : false;
      }
      get value() {
        return this.extnValueObj.value;
      }
      get valueObj() {
        return this.extnValueObj;
      }
      get extnValueObj() {
        return this.root.subs[this.root.subs.length - 1];
      }
    };
    exports.X509Extension = X509Extension;
    var X509BasicConstraintsExtension = class extends X509Extension {
      get isCA() {
        return this.sequence.subs[0]?.toBoolean() ?? false;
      }
      get pathLenConstraint() {
        return this.sequence.subs.length > 1 ? this.sequence.subs[1].toInteger() : void 0;
      }
      // The extnValue field contains a single sequence wrapping the isCA and
      // pathLenConstraint.
      get sequence() {
        return this.extnValueObj.subs[0];
      }
    };
    exports.X509BasicConstraintsExtension = X509BasicConstraintsExtension;
    var X509KeyUsageExtension = class extends X509Extension {
      get digitalSignature() {
        return this.bitString[0] === 1;
      }
      get keyCertSign() {
        return this.bitString[5] === 1;
      }
      get crlSign() {
        return this.bitString[6] === 1;
      }
      // The extnValue field contains a single bit string which is a bit mask
      // indicating which key usages are enabled.
      get bitString() {
        return this.extnValueObj.subs[0].toBitString();
      }
    };
    exports.X509KeyUsageExtension = X509KeyUsageExtension;
    var X509SubjectAlternativeNameExtension = class extends X509Extension {
      get rfc822Name() {
        return this.findGeneralName(1)?.value.toString("ascii");
      }
      get uri() {
        return this.findGeneralName(6)?.value.toString("ascii");
      }
      // Retrieve the value of an otherName with the given OID.
      otherName(oid) {
        const otherName = this.findGeneralName(0);
        if (otherName === void 0) {
          return void 0;
        }
        const otherNameOID = otherName.subs[0].toOID();
        if (otherNameOID !== oid) {
          return void 0;
        }
        const otherNameValue = otherName.subs[1];
        return otherNameValue.subs[0].value.toString("ascii");
      }
      findGeneralName(tag) {
        return this.generalNames.find((gn) => gn.tag.isContextSpecific(tag));
      }
      // The extnValue field contains a sequence of GeneralNames.
      get generalNames() {
        return this.extnValueObj.subs[0].subs;
      }
    };
    exports.X509SubjectAlternativeNameExtension = X509SubjectAlternativeNameExtension;
    var X509AuthorityKeyIDExtension = class extends X509Extension {
      get keyIdentifier() {
        return this.findSequenceMember(0)?.value;
      }
      findSequenceMember(tag) {
        return this.sequence.subs.find((el) => el.tag.isContextSpecific(tag));
      }
      // The extnValue field contains a single sequence wrapping the keyIdentifier
      get sequence() {
        return this.extnValueObj.subs[0];
      }
    };
    exports.X509AuthorityKeyIDExtension = X509AuthorityKeyIDExtension;
    var X509SubjectKeyIDExtension = class extends X509Extension {
      get keyIdentifier() {
        return this.extnValueObj.subs[0].value;
      }
    };
    exports.X509SubjectKeyIDExtension = X509SubjectKeyIDExtension;
    var X509SCTExtension = class extends X509Extension {
      constructor(asn1) {
        super(asn1);
      }
      get signedCertificateTimestamps() {
        const buf = this.extnValueObj.subs[0].value;
        const stream = new stream_1.ByteStream(buf);
        const end = stream.getUint16() + 2;
        const sctList = [];
        while (stream.position < end) {
          const sctLength = stream.getUint16();
          const sct = stream.getBlock(sctLength);
          sctList.push(sct_1.SignedCertificateTimestamp.parse(sct));
        }
        if (stream.position !== end) {
          throw new Error("SCT list length does not match actual length");
        }
        return sctList;
      }
    };
    exports.X509SCTExtension = X509SCTExtension;
  }
});

// node_modules/@sigstore/core/dist/x509/cert.js
var require_cert = __commonJS({
  "node_modules/@sigstore/core/dist/x509/cert.js"(exports) {
    "use strict";
    init_buffer();
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      };
      return function(mod3) {
        if (mod3 && mod3.__esModule) return mod3;
        var result = {};
        if (mod3 != null) {
          for (var k = ownKeys(mod3), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod3, k[i]);
        }
        __setModuleDefault(result, mod3);
        return result;
      };
    })();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.X509Certificate = exports.EXTENSION_OID_SCT = void 0;
    var asn1_1 = require_asn1();
    var crypto = __importStar(require_crypto());
    var oid_1 = require_oid();
    var pem = __importStar(require_pem());
    var ext_1 = require_ext();
    var EXTENSION_OID_SUBJECT_KEY_ID = "2.5.29.14";
    var EXTENSION_OID_KEY_USAGE = "2.5.29.15";
    var EXTENSION_OID_SUBJECT_ALT_NAME = "2.5.29.17";
    var EXTENSION_OID_BASIC_CONSTRAINTS = "2.5.29.19";
    var EXTENSION_OID_AUTHORITY_KEY_ID = "2.5.29.35";
    exports.EXTENSION_OID_SCT = "1.3.6.1.4.1.11129.2.4.2";
    var X509Certificate2 = class _X509Certificate {
      root;
      constructor(asn1) {
        this.root = asn1;
      }
      static parse(cert) {
        const der = typeof cert === "string" ? pem.toDER(cert) : cert;
        const asn1 = asn1_1.ASN1Obj.parseBuffer(der);
        return new _X509Certificate(asn1);
      }
      get tbsCertificate() {
        return this.tbsCertificateObj;
      }
      get version() {
        const ver = this.versionObj.subs[0].toInteger();
        return `v${(ver + BigInt(1)).toString()}`;
      }
      get serialNumber() {
        return this.serialNumberObj.value;
      }
      get notBefore() {
        return this.validityObj.subs[0].toDate();
      }
      get notAfter() {
        return this.validityObj.subs[1].toDate();
      }
      get issuer() {
        return this.issuerObj.value;
      }
      get subject() {
        return this.subjectObj.value;
      }
      get publicKey() {
        return this.subjectPublicKeyInfoObj.toDER();
      }
      get signatureAlgorithm() {
        const oid = this.signatureAlgorithmObj.subs[0].toOID();
        if (oid_1.RSA_SIGNATURE_ALGOS[oid]) {
          return oid_1.RSA_SIGNATURE_ALGOS[oid];
        }
        return oid_1.ECDSA_SIGNATURE_ALGOS[oid];
      }
      get signatureValue() {
        return this.signatureValueObj.value.subarray(1);
      }
      get subjectAltName() {
        const ext = this.extSubjectAltName;
        return ext?.uri || /* istanbul ignore next */
        ext?.rfc822Name;
      }
      get extensions() {
        const extSeq = this.extensionsObj?.subs[0];
        return extSeq?.subs || [];
      }
      get extKeyUsage() {
        const ext = this.findExtension(EXTENSION_OID_KEY_USAGE);
        return ext ? new ext_1.X509KeyUsageExtension(ext) : void 0;
      }
      get extBasicConstraints() {
        const ext = this.findExtension(EXTENSION_OID_BASIC_CONSTRAINTS);
        return ext ? new ext_1.X509BasicConstraintsExtension(ext) : void 0;
      }
      get extSubjectAltName() {
        const ext = this.findExtension(EXTENSION_OID_SUBJECT_ALT_NAME);
        return ext ? new ext_1.X509SubjectAlternativeNameExtension(ext) : void 0;
      }
      get extAuthorityKeyID() {
        const ext = this.findExtension(EXTENSION_OID_AUTHORITY_KEY_ID);
        return ext ? new ext_1.X509AuthorityKeyIDExtension(ext) : void 0;
      }
      get extSubjectKeyID() {
        const ext = this.findExtension(EXTENSION_OID_SUBJECT_KEY_ID);
        return ext ? new ext_1.X509SubjectKeyIDExtension(ext) : (
          /* istanbul ignore next */
          void 0
        );
      }
      get extSCT() {
        const ext = this.findExtension(exports.EXTENSION_OID_SCT);
        return ext ? new ext_1.X509SCTExtension(ext) : void 0;
      }
      get isCA() {
        const ca = this.extBasicConstraints?.isCA || false;
        if (this.extKeyUsage) {
          return ca && this.extKeyUsage.keyCertSign;
        }
        return ca;
      }
      extension(oid) {
        const ext = this.findExtension(oid);
        return ext ? new ext_1.X509Extension(ext) : void 0;
      }
      verify(issuerCertificate) {
        const publicKey = issuerCertificate?.publicKey || this.publicKey;
        const key = crypto.createPublicKey(publicKey);
        return crypto.verify(this.tbsCertificate.toDER(), key, this.signatureValue, this.signatureAlgorithm);
      }
      validForDate(date) {
        return this.notBefore <= date && date <= this.notAfter;
      }
      equals(other) {
        return this.root.toDER().equals(other.root.toDER());
      }
      // Creates a copy of the certificate with a new buffer
      clone() {
        const der = this.root.toDER();
        const clone = Buffer2.alloc(der.length);
        der.copy(clone);
        return _X509Certificate.parse(clone);
      }
      findExtension(oid) {
        return this.extensions.find((ext) => ext.subs[0].toOID() === oid);
      }
      /////////////////////////////////////////////////////////////////////////////
      // The following properties use the documented x509 structure to locate the
      // desired ASN.1 object
      // https://www.rfc-editor.org/rfc/rfc5280#section-4.1
      // https://www.rfc-editor.org/rfc/rfc5280#section-4.1.1.1
      get tbsCertificateObj() {
        return this.root.subs[0];
      }
      // https://www.rfc-editor.org/rfc/rfc5280#section-4.1.1.2
      get signatureAlgorithmObj() {
        return this.root.subs[1];
      }
      // https://www.rfc-editor.org/rfc/rfc5280#section-4.1.1.3
      get signatureValueObj() {
        return this.root.subs[2];
      }
      // https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.1
      get versionObj() {
        return this.tbsCertificateObj.subs[0];
      }
      // https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.2
      get serialNumberObj() {
        return this.tbsCertificateObj.subs[1];
      }
      // https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.4
      get issuerObj() {
        return this.tbsCertificateObj.subs[3];
      }
      // https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.5
      get validityObj() {
        return this.tbsCertificateObj.subs[4];
      }
      // https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.6
      get subjectObj() {
        return this.tbsCertificateObj.subs[5];
      }
      // https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.7
      get subjectPublicKeyInfoObj() {
        return this.tbsCertificateObj.subs[6];
      }
      // Extensions can't be located by index because their position varies. Instead,
      // we need to find the extensions context specific tag
      // https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.9
      get extensionsObj() {
        return this.tbsCertificateObj.subs.find((sub) => sub.tag.isContextSpecific(3));
      }
    };
    exports.X509Certificate = X509Certificate2;
  }
});

// node_modules/@sigstore/core/dist/x509/index.js
var require_x509 = __commonJS({
  "node_modules/@sigstore/core/dist/x509/index.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.X509SCTExtension = exports.X509Certificate = exports.EXTENSION_OID_SCT = void 0;
    var cert_1 = require_cert();
    Object.defineProperty(exports, "EXTENSION_OID_SCT", { enumerable: true, get: function() {
      return cert_1.EXTENSION_OID_SCT;
    } });
    Object.defineProperty(exports, "X509Certificate", { enumerable: true, get: function() {
      return cert_1.X509Certificate;
    } });
    var ext_1 = require_ext();
    Object.defineProperty(exports, "X509SCTExtension", { enumerable: true, get: function() {
      return ext_1.X509SCTExtension;
    } });
  }
});

// node_modules/@sigstore/core/dist/index.js
var require_dist2 = __commonJS({
  "node_modules/@sigstore/core/dist/index.js"(exports) {
    "use strict";
    init_buffer();
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      };
      return function(mod3) {
        if (mod3 && mod3.__esModule) return mod3;
        var result = {};
        if (mod3 != null) {
          for (var k = ownKeys(mod3), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod3, k[i]);
        }
        __setModuleDefault(result, mod3);
        return result;
      };
    })();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.X509SCTExtension = exports.X509Certificate = exports.EXTENSION_OID_SCT = exports.ByteStream = exports.RFC3161Timestamp = exports.pem = exports.json = exports.encoding = exports.dsse = exports.crypto = exports.ASN1Obj = void 0;
    var asn1_1 = require_asn1();
    Object.defineProperty(exports, "ASN1Obj", { enumerable: true, get: function() {
      return asn1_1.ASN1Obj;
    } });
    exports.crypto = __importStar(require_crypto());
    exports.dsse = __importStar(require_dsse());
    exports.encoding = __importStar(require_encoding());
    exports.json = __importStar(require_json());
    exports.pem = __importStar(require_pem());
    var rfc3161_1 = require_rfc3161();
    Object.defineProperty(exports, "RFC3161Timestamp", { enumerable: true, get: function() {
      return rfc3161_1.RFC3161Timestamp;
    } });
    var stream_1 = require_stream();
    Object.defineProperty(exports, "ByteStream", { enumerable: true, get: function() {
      return stream_1.ByteStream;
    } });
    var x509_1 = require_x509();
    Object.defineProperty(exports, "EXTENSION_OID_SCT", { enumerable: true, get: function() {
      return x509_1.EXTENSION_OID_SCT;
    } });
    Object.defineProperty(exports, "X509Certificate", { enumerable: true, get: function() {
      return x509_1.X509Certificate;
    } });
    Object.defineProperty(exports, "X509SCTExtension", { enumerable: true, get: function() {
      return x509_1.X509SCTExtension;
    } });
  }
});

// node_modules/@sigstore/verify/dist/bundle/dsse.js
var require_dsse2 = __commonJS({
  "node_modules/@sigstore/verify/dist/bundle/dsse.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DSSESignatureContent = void 0;
    var core_1 = require_dist2();
    var DSSESignatureContent = class {
      env;
      constructor(env) {
        this.env = env;
      }
      compareDigest(digest) {
        return core_1.crypto.bufferEqual(digest, core_1.crypto.digest("sha256", this.env.payload));
      }
      // For a DSSE envelope the signature is computed over the pre-authentication
      // encoding (PAE), so the digest of the signed bytes is the digest of the PAE.
      // This is what a Rekor v2 hashedrekord entry records for a DSSE envelope.
      compareSignedDigest(digest) {
        return core_1.crypto.bufferEqual(digest, core_1.crypto.digest("sha256", this.preAuthEncoding));
      }
      compareSignature(signature) {
        return core_1.crypto.bufferEqual(signature, this.signature);
      }
      verifySignature(key) {
        return core_1.crypto.verify(this.preAuthEncoding, key, this.signature);
      }
      get signature() {
        return this.env.signatures.length > 0 ? this.env.signatures[0].sig : Buffer2.from("");
      }
      // DSSE Pre-Authentication Encoding
      get preAuthEncoding() {
        return core_1.dsse.preAuthEncoding(this.env.payloadType, this.env.payload);
      }
    };
    exports.DSSESignatureContent = DSSESignatureContent;
  }
});

// node_modules/@sigstore/verify/dist/bundle/message.js
var require_message = __commonJS({
  "node_modules/@sigstore/verify/dist/bundle/message.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MessageSignatureContent = void 0;
    var core_1 = require_dist2();
    var protobuf_specs_1 = require_dist();
    var HASH_ALGORITHM_MAP = {
      [protobuf_specs_1.HashAlgorithm.HASH_ALGORITHM_UNSPECIFIED]: "sha256",
      [protobuf_specs_1.HashAlgorithm.SHA2_256]: "sha256",
      [protobuf_specs_1.HashAlgorithm.SHA2_384]: "sha384",
      [protobuf_specs_1.HashAlgorithm.SHA2_512]: "sha512",
      [protobuf_specs_1.HashAlgorithm.SHA3_256]: "sha3-256",
      [protobuf_specs_1.HashAlgorithm.SHA3_384]: "sha3-384"
    };
    var MessageSignatureContent = class {
      signature;
      messageDigest;
      artifact;
      hashAlgorithm;
      constructor(messageSignature, artifact) {
        this.signature = messageSignature.signature;
        this.messageDigest = messageSignature.messageDigest.digest;
        this.artifact = artifact;
        this.hashAlgorithm = HASH_ALGORITHM_MAP[messageSignature.messageDigest.algorithm] ?? /* istanbul ignore next */
        "sha256";
      }
      compareSignature(signature) {
        return core_1.crypto.bufferEqual(signature, this.signature);
      }
      compareDigest(digest) {
        return core_1.crypto.bufferEqual(digest, this.messageDigest);
      }
      // For a message signature the signature is computed over the artifact, so the
      // digest of the signed bytes is the artifact's message digest.
      compareSignedDigest(digest) {
        return this.compareDigest(digest);
      }
      verifySignature(key) {
        return core_1.crypto.verify(this.artifact, key, this.signature, this.hashAlgorithm);
      }
    };
    exports.MessageSignatureContent = MessageSignatureContent;
  }
});

// node_modules/@sigstore/verify/dist/bundle/index.js
var require_bundle = __commonJS({
  "node_modules/@sigstore/verify/dist/bundle/index.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.toSignedEntity = toSignedEntity2;
    exports.signatureContent = signatureContent;
    var core_1 = require_dist2();
    var dsse_1 = require_dsse2();
    var message_1 = require_message();
    function toSignedEntity2(bundle, artifact) {
      const { tlogEntries, timestampVerificationData } = bundle.verificationMaterial;
      const timestamps = [];
      for (const entry of tlogEntries) {
        if (entry.integratedTime && entry.integratedTime !== "0") {
          timestamps.push({
            $case: "transparency-log",
            tlogEntry: entry
          });
        }
      }
      for (const ts of timestampVerificationData?.rfc3161Timestamps ?? []) {
        timestamps.push({
          $case: "timestamp-authority",
          timestamp: core_1.RFC3161Timestamp.parse(Buffer2.from(ts.signedTimestamp))
        });
      }
      return {
        signature: signatureContent(bundle, artifact),
        key: key(bundle),
        tlogEntries,
        timestamps
      };
    }
    function signatureContent(bundle, artifact) {
      switch (bundle.content.$case) {
        case "dsseEnvelope":
          return new dsse_1.DSSESignatureContent(bundle.content.dsseEnvelope);
        case "messageSignature":
          return new message_1.MessageSignatureContent(bundle.content.messageSignature, artifact);
      }
    }
    function key(bundle) {
      switch (bundle.verificationMaterial.content.$case) {
        case "publicKey":
          return {
            $case: "public-key",
            hint: bundle.verificationMaterial.content.publicKey.hint
          };
        case "x509CertificateChain":
          return {
            $case: "certificate",
            certificate: core_1.X509Certificate.parse(Buffer2.from(bundle.verificationMaterial.content.x509CertificateChain.certificates[0].rawBytes))
          };
        case "certificate":
          return {
            $case: "certificate",
            certificate: core_1.X509Certificate.parse(Buffer2.from(bundle.verificationMaterial.content.certificate.rawBytes))
          };
      }
    }
  }
});

// node_modules/@sigstore/verify/dist/error.js
var require_error3 = __commonJS({
  "node_modules/@sigstore/verify/dist/error.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.PolicyError = exports.VerificationError = void 0;
    var BaseError = class extends Error {
      code;
      cause;
      /* eslint-disable-line @typescript-eslint/no-explicit-any */
      constructor({ code, message: message2, cause }) {
        super(message2);
        this.code = code;
        this.cause = cause;
        this.name = this.constructor.name;
      }
    };
    var VerificationError2 = class extends BaseError {
    };
    exports.VerificationError = VerificationError2;
    var PolicyError2 = class extends BaseError {
    };
    exports.PolicyError = PolicyError2;
  }
});

// node_modules/@sigstore/verify/dist/trust/filter.js
var require_filter = __commonJS({
  "node_modules/@sigstore/verify/dist/trust/filter.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.filterCertAuthorities = filterCertAuthorities;
    exports.filterTLogAuthorities = filterTLogAuthorities;
    function filterCertAuthorities(certAuthorities, timestamp) {
      return certAuthorities.filter((ca) => {
        return ca.validFor.start <= timestamp && ca.validFor.end >= timestamp;
      });
    }
    function filterTLogAuthorities(tlogAuthorities, criteria) {
      return tlogAuthorities.filter((tlog) => {
        if (criteria.logID && !tlog.logID.equals(criteria.logID)) {
          return false;
        }
        return tlog.validFor.start <= criteria.targetDate && criteria.targetDate <= tlog.validFor.end;
      });
    }
  }
});

// node_modules/@sigstore/verify/dist/trust/index.js
var require_trust = __commonJS({
  "node_modules/@sigstore/verify/dist/trust/index.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.filterTLogAuthorities = exports.filterCertAuthorities = void 0;
    exports.toTrustMaterial = toTrustMaterial2;
    var core_1 = require_dist2();
    var protobuf_specs_1 = require_dist();
    var error_1 = require_error3();
    var BEGINNING_OF_TIME = /* @__PURE__ */ new Date(0);
    var END_OF_TIME = /* @__PURE__ */ new Date(864e13);
    var filter_1 = require_filter();
    Object.defineProperty(exports, "filterCertAuthorities", { enumerable: true, get: function() {
      return filter_1.filterCertAuthorities;
    } });
    Object.defineProperty(exports, "filterTLogAuthorities", { enumerable: true, get: function() {
      return filter_1.filterTLogAuthorities;
    } });
    function toTrustMaterial2(root, keys) {
      const keyFinder = typeof keys === "function" ? keys : keyLocator(keys);
      return {
        certificateAuthorities: root.certificateAuthorities.map(createCertAuthority),
        timestampAuthorities: root.timestampAuthorities.map(createCertAuthority),
        tlogs: root.tlogs.map(createTLogAuthority),
        ctlogs: root.ctlogs.map(createTLogAuthority),
        publicKey: keyFinder
      };
    }
    function createTLogAuthority(tlogInstance) {
      const keyDetails = tlogInstance.publicKey.keyDetails;
      const keyType = keyDetails === protobuf_specs_1.PublicKeyDetails.PKCS1_RSA_PKCS1V5 || keyDetails === protobuf_specs_1.PublicKeyDetails.PKIX_RSA_PKCS1V5 || keyDetails === protobuf_specs_1.PublicKeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256 || keyDetails === protobuf_specs_1.PublicKeyDetails.PKIX_RSA_PKCS1V15_3072_SHA256 || keyDetails === protobuf_specs_1.PublicKeyDetails.PKIX_RSA_PKCS1V15_4096_SHA256 ? "pkcs1" : "spki";
      return {
        baseURL: tlogInstance.baseUrl,
        logID: tlogInstance.checkpointKeyId ? tlogInstance.checkpointKeyId.keyId : tlogInstance.logId.keyId,
        publicKey: core_1.crypto.createPublicKey(tlogInstance.publicKey.rawBytes, keyType),
        validFor: {
          start: tlogInstance.publicKey.validFor?.start || BEGINNING_OF_TIME,
          end: tlogInstance.publicKey.validFor?.end || END_OF_TIME
        }
      };
    }
    function createCertAuthority(ca) {
      return {
        certChain: ca.certChain.certificates.map((cert) => {
          return core_1.X509Certificate.parse(Buffer2.from(cert.rawBytes));
        }),
        validFor: {
          start: ca.validFor?.start || BEGINNING_OF_TIME,
          end: ca.validFor?.end || END_OF_TIME
        }
      };
    }
    function keyLocator(keys) {
      return (hint) => {
        const key = (keys || {})[hint];
        if (!key) {
          throw new error_1.VerificationError({
            code: "PUBLIC_KEY_ERROR",
            message: `key not found: ${hint}`
          });
        }
        return {
          publicKey: core_1.crypto.createPublicKey(key.rawBytes),
          validFor: (date) => {
            return (key.validFor?.start || BEGINNING_OF_TIME) <= date && (key.validFor?.end || END_OF_TIME) >= date;
          }
        };
      };
    }
  }
});

// src/lib/platform/node-util.ts
var node_util_exports = {};
__export(node_util_exports, {
  default: () => node_util_default,
  isDeepStrictEqual: () => isDeepStrictEqual
});
function isDeepStrictEqual(a, b) {
  return equal(a, b, /* @__PURE__ */ new Map());
}
function equal(a, b, seen) {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Object.prototype.toString.call(a) !== Object.prototype.toString.call(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Map || a instanceof Set || a instanceof WeakMap || a instanceof WeakSet || a instanceof Promise) {
    throw new Error("isDeepStrictEqual (browser build): Map, Set and other collections are not supported");
  }
  if (ArrayBuffer.isView(a)) {
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(
      b.buffer,
      b.byteOffset,
      b.byteLength
    );
    if (x.length !== y.length || x.some((v, i) => v !== y[i])) return false;
  } else if (a instanceof Date) {
    if (!Object.is(a.getTime(), b.getTime())) return false;
  } else if (a instanceof RegExp) {
    if (a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex)
      return false;
  } else if (a instanceof Error) {
    if (a.message !== b.message || a.name !== b.name) return false;
  }
  const keysA = ownEnumerableKeys(a);
  const keysB = ownEnumerableKeys(b);
  if (keysA.length !== keysB.length) return false;
  const setB = new Set(keysB);
  for (const key of keysA) {
    if (!setB.has(key)) return false;
    if (ArrayBuffer.isView(a) && typeof key === "string" && /^\d+$/.test(key)) continue;
    if (!equal(a[key], b[key], seen)) return false;
  }
  return true;
}
function ownEnumerableKeys(o) {
  return Reflect.ownKeys(o).filter((k) => Object.prototype.propertyIsEnumerable.call(o, k));
}
var node_util_default;
var init_node_util = __esm({
  "src/lib/platform/node-util.ts"() {
    "use strict";
    init_buffer();
    node_util_default = { isDeepStrictEqual };
  }
});

// node_modules/@sigstore/verify/dist/key/certificate.js
var require_certificate = __commonJS({
  "node_modules/@sigstore/verify/dist/key/certificate.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CertificateChainVerifier = void 0;
    exports.verifyCertificateChain = verifyCertificateChain;
    var error_1 = require_error3();
    var trust_1 = require_trust();
    function verifyCertificateChain(timestamp, leaf, certificateAuthorities) {
      const cas = (0, trust_1.filterCertAuthorities)(certificateAuthorities, timestamp);
      let error;
      for (const ca of cas) {
        try {
          const verifier = new CertificateChainVerifier({
            trustedCerts: ca.certChain,
            untrustedCert: leaf,
            timestamp
          });
          return verifier.verify();
        } catch (err) {
          error = err;
        }
      }
      throw new error_1.VerificationError({
        code: "CERTIFICATE_ERROR",
        message: "Failed to verify certificate chain",
        cause: error
      });
    }
    var CertificateChainVerifier = class {
      untrustedCert;
      trustedCerts;
      localCerts;
      timestamp;
      constructor(opts) {
        this.untrustedCert = opts.untrustedCert;
        this.trustedCerts = opts.trustedCerts;
        this.localCerts = dedupeCertificates([
          ...opts.trustedCerts,
          opts.untrustedCert
        ]);
        this.timestamp = opts.timestamp;
      }
      verify() {
        const certificatePath = this.sort();
        this.checkPath(certificatePath);
        const validForDate = certificatePath.every((cert) => cert.validForDate(this.timestamp));
        if (!validForDate) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "certificate is not valid or expired at the specified date"
          });
        }
        return certificatePath;
      }
      sort() {
        const leafCert = this.untrustedCert;
        let paths = this.buildPaths(leafCert);
        paths = paths.filter((path2) => path2.some((cert) => this.trustedCerts.includes(cert)));
        if (paths.length === 0) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "no trusted certificate path found"
          });
        }
        const path = paths.reduce((prev, curr) => prev.length < curr.length ? prev : curr);
        return [leafCert, ...path].slice(0, -1);
      }
      // Recursively build all possible paths from the leaf to the root
      buildPaths(certificate) {
        const paths = [];
        const issuers = this.findIssuer(certificate);
        if (issuers.length === 0) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "no valid certificate path found"
          });
        }
        for (let i = 0; i < issuers.length; i++) {
          const issuer = issuers[i];
          if (issuer.equals(certificate)) {
            paths.push([certificate]);
            continue;
          }
          const subPaths = this.buildPaths(issuer);
          for (let j = 0; j < subPaths.length; j++) {
            paths.push([issuer, ...subPaths[j]]);
          }
        }
        return paths;
      }
      // Return all possible issuers for the given certificate
      findIssuer(certificate) {
        let issuers = [];
        let keyIdentifier;
        if (certificate.subject.equals(certificate.issuer)) {
          if (certificate.verify()) {
            return [certificate];
          }
        }
        if (certificate.extAuthorityKeyID) {
          keyIdentifier = certificate.extAuthorityKeyID.keyIdentifier;
        }
        this.localCerts.forEach((possibleIssuer) => {
          if (keyIdentifier) {
            if (possibleIssuer.extSubjectKeyID) {
              if (possibleIssuer.extSubjectKeyID.keyIdentifier.equals(keyIdentifier)) {
                issuers.push(possibleIssuer);
              }
              return;
            }
          }
          if (possibleIssuer.subject.equals(certificate.issuer)) {
            issuers.push(possibleIssuer);
          }
        });
        issuers = issuers.filter((issuer) => {
          try {
            return certificate.verify(issuer);
          } catch (ex) {
            return false;
          }
        });
        return issuers;
      }
      checkPath(path) {
        if (path.length < 1) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "certificate chain must contain at least one certificate"
          });
        }
        const validCAs = path.slice(1).every((cert) => cert.isCA);
        if (!validCAs) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "intermediate certificate is not a CA"
          });
        }
        for (let i = path.length - 2; i >= 0; i--) {
          if (!path[i].issuer.equals(path[i + 1].subject)) {
            throw new error_1.VerificationError({
              code: "CERTIFICATE_ERROR",
              message: "incorrect certificate name chaining"
            });
          }
        }
        for (let i = 0; i < path.length; i++) {
          const cert = path[i];
          if (cert.extBasicConstraints?.isCA) {
            const pathLength = cert.extBasicConstraints.pathLenConstraint;
            if (pathLength !== void 0 && pathLength < i - 1) {
              throw new error_1.VerificationError({
                code: "CERTIFICATE_ERROR",
                message: "path length constraint exceeded"
              });
            }
          }
        }
      }
    };
    exports.CertificateChainVerifier = CertificateChainVerifier;
    function dedupeCertificates(certs) {
      for (let i = 0; i < certs.length; i++) {
        for (let j = i + 1; j < certs.length; j++) {
          if (certs[i].equals(certs[j])) {
            certs.splice(j, 1);
            j--;
          }
        }
      }
      return certs;
    }
  }
});

// node_modules/@sigstore/verify/dist/key/sct.js
var require_sct2 = __commonJS({
  "node_modules/@sigstore/verify/dist/key/sct.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifySCTs = verifySCTs;
    var core_1 = require_dist2();
    var error_1 = require_error3();
    var trust_1 = require_trust();
    function verifySCTs(cert, issuer, ctlogs) {
      let extSCT;
      const clone = cert.clone();
      for (let i = 0; i < clone.extensions.length; i++) {
        const ext = clone.extensions[i];
        if (ext.subs[0].toOID() === core_1.EXTENSION_OID_SCT) {
          extSCT = new core_1.X509SCTExtension(ext);
          clone.extensions.splice(i, 1);
          break;
        }
      }
      if (!extSCT) {
        return [];
      }
      if (extSCT.signedCertificateTimestamps.length === 0) {
        return [];
      }
      const preCert = new core_1.ByteStream();
      const issuerId = core_1.crypto.digest("sha256", issuer.publicKey);
      preCert.appendView(issuerId);
      const tbs = clone.tbsCertificate.toDER();
      preCert.appendUint24(tbs.length);
      preCert.appendView(tbs);
      return extSCT.signedCertificateTimestamps.map((sct) => {
        const validCTLogs = (0, trust_1.filterTLogAuthorities)(ctlogs, {
          logID: sct.logID,
          targetDate: sct.datetime
        });
        const verified = validCTLogs.some((log) => sct.verify(preCert.buffer, log.publicKey));
        if (!verified) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "SCT verification failed"
          });
        }
        return sct.logID;
      });
    }
  }
});

// node_modules/@sigstore/verify/dist/key/index.js
var require_key = __commonJS({
  "node_modules/@sigstore/verify/dist/key/index.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyPublicKey = verifyPublicKey;
    exports.verifyCertificate = verifyCertificate;
    var core_1 = require_dist2();
    var error_1 = require_error3();
    var certificate_1 = require_certificate();
    var sct_1 = require_sct2();
    var OID_FULCIO_ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";
    var OID_FULCIO_ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";
    function verifyPublicKey(hint, timestamps, trustMaterial) {
      const key = trustMaterial.publicKey(hint);
      timestamps.forEach((timestamp) => {
        if (!key.validFor(timestamp)) {
          throw new error_1.VerificationError({
            code: "PUBLIC_KEY_ERROR",
            message: `Public key is not valid for timestamp: ${timestamp.toISOString()}`
          });
        }
      });
      return { key: key.publicKey };
    }
    function verifyCertificate(leaf, timestamps, trustMaterial) {
      let path = [];
      timestamps.forEach((timestamp) => {
        path = (0, certificate_1.verifyCertificateChain)(timestamp, leaf, trustMaterial.certificateAuthorities);
      });
      return {
        scts: (0, sct_1.verifySCTs)(path[0], path[1], trustMaterial.ctlogs),
        signer: getSigner(path[0])
      };
    }
    function getSigner(cert) {
      let issuer;
      const issuerExtension = cert.extension(OID_FULCIO_ISSUER_V2);
      if (issuerExtension) {
        issuer = issuerExtension.valueObj.subs?.[0]?.value.toString("ascii");
      } else {
        issuer = cert.extension(OID_FULCIO_ISSUER_V1)?.value.toString("ascii");
      }
      const oids = cert.extensions.map((ext) => {
        const oid = ext.subs[0].toOID();
        return {
          oid: { id: oid.split(".").map(Number) },
          value: ext.subs[ext.subs.length - 1].value
        };
      });
      const identity = {
        extensions: { issuer },
        subjectAlternativeName: cert.subjectAltName,
        oids
      };
      return {
        key: core_1.crypto.createPublicKey(cert.publicKey),
        identity
      };
    }
  }
});

// node_modules/@sigstore/verify/dist/policy.js
var require_policy = __commonJS({
  "node_modules/@sigstore/verify/dist/policy.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifySubjectAlternativeName = verifySubjectAlternativeName;
    exports.verifyExtensions = verifyExtensions;
    exports.verifyOIDs = verifyOIDs;
    var error_1 = require_error3();
    function verifySubjectAlternativeName(policyIdentity, signerIdentity) {
      if (signerIdentity === void 0 || !signerIdentity.match(policyIdentity)) {
        throw new error_1.PolicyError({
          code: "UNTRUSTED_SIGNER_ERROR",
          message: `certificate identity error - expected ${policyIdentity}, got ${signerIdentity}`
        });
      }
    }
    function verifyExtensions(policyExtensions, signerExtensions = {}) {
      let key;
      for (key in policyExtensions) {
        if (signerExtensions[key] !== policyExtensions[key]) {
          throw new error_1.PolicyError({
            code: "UNTRUSTED_SIGNER_ERROR",
            message: `invalid certificate extension - expected ${key}=${policyExtensions[key]}, got ${key}=${signerExtensions[key]}`
          });
        }
      }
    }
    function verifyOIDs(policyOIDs, signerOIDs = []) {
      for (const policyOID of policyOIDs) {
        const match = signerOIDs.find((signerOID) => oidEquals(policyOID.oid?.id, signerOID.oid?.id) && policyOID.value.equals(signerOID.value));
        if (!match) {
          const oid = policyOID.oid?.id.join(".") ?? "<unknown>";
          throw new error_1.PolicyError({
            code: "UNTRUSTED_SIGNER_ERROR",
            message: `invalid certificate extension - missing OID ${oid}`
          });
        }
      }
    }
    function oidEquals(a, b) {
      if (a === void 0 || b === void 0) {
        return false;
      }
      return a.length === b.length && a.every((v, i) => v === b[i]);
    }
  }
});

// node_modules/@sigstore/verify/dist/timestamp/tsa.js
var require_tsa = __commonJS({
  "node_modules/@sigstore/verify/dist/timestamp/tsa.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyRFC3161Timestamp = verifyRFC3161Timestamp;
    var core_1 = require_dist2();
    var error_1 = require_error3();
    var certificate_1 = require_certificate();
    var trust_1 = require_trust();
    function verifyRFC3161Timestamp(timestamp, data, timestampAuthorities) {
      const signingTime = timestamp.signingTime;
      timestampAuthorities = (0, trust_1.filterCertAuthorities)(timestampAuthorities, signingTime);
      timestampAuthorities = filterCAsBySerialAndIssuer(timestampAuthorities, {
        serialNumber: timestamp.signerSerialNumber,
        issuer: timestamp.signerIssuer
      });
      const verified = timestampAuthorities.some((ca) => {
        try {
          verifyTimestampForCA(timestamp, data, ca);
          return true;
        } catch (e) {
          return false;
        }
      });
      if (!verified) {
        throw new error_1.VerificationError({
          code: "TIMESTAMP_ERROR",
          message: "timestamp could not be verified"
        });
      }
    }
    function verifyTimestampForCA(timestamp, data, ca) {
      const [leaf, ...cas] = ca.certChain;
      const signingKey = core_1.crypto.createPublicKey(leaf.publicKey);
      const signingTime = timestamp.signingTime;
      try {
        new certificate_1.CertificateChainVerifier({
          untrustedCert: leaf,
          trustedCerts: cas,
          timestamp: signingTime
        }).verify();
      } catch (e) {
        throw new error_1.VerificationError({
          code: "TIMESTAMP_ERROR",
          message: "invalid certificate chain"
        });
      }
      timestamp.verify(data, signingKey);
    }
    function filterCAsBySerialAndIssuer(timestampAuthorities, criteria) {
      return timestampAuthorities.filter((ca) => ca.certChain.length > 0 && core_1.crypto.bufferEqual(ca.certChain[0].serialNumber, criteria.serialNumber) && core_1.crypto.bufferEqual(ca.certChain[0].issuer, criteria.issuer));
    }
  }
});

// node_modules/@sigstore/verify/dist/timestamp/index.js
var require_timestamp3 = __commonJS({
  "node_modules/@sigstore/verify/dist/timestamp/index.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getTSATimestamp = getTSATimestamp;
    exports.getTLogTimestamp = getTLogTimestamp;
    var tsa_1 = require_tsa();
    function getTSATimestamp(timestamp, data, timestampAuthorities) {
      (0, tsa_1.verifyRFC3161Timestamp)(timestamp, data, timestampAuthorities);
      return {
        type: "timestamp-authority",
        logID: timestamp.signerSerialNumber,
        timestamp: timestamp.signingTime
      };
    }
    function getTLogTimestamp(entry) {
      if (!entry.inclusionPromise) {
        return void 0;
      }
      return {
        type: "transparency-log",
        logID: entry.logId.keyId,
        timestamp: new Date(Number(entry.integratedTime) * 1e3)
      };
    }
  }
});

// node_modules/@sigstore/protobuf-specs/dist/__generated__/rekor/v2/verifier.js
var require_verifier = __commonJS({
  "node_modules/@sigstore/protobuf-specs/dist/__generated__/rekor/v2/verifier.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Signature = exports.Verifier = exports.PublicKey = void 0;
    var sigstore_common_1 = require_sigstore_common();
    exports.PublicKey = {
      fromJSON(object) {
        return { rawBytes: isSet(object.rawBytes) ? Buffer2.from(bytesFromBase64(object.rawBytes)) : Buffer2.alloc(0) };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.rawBytes.length !== 0) {
          obj.rawBytes = base64FromBytes(message2.rawBytes);
        }
        return obj;
      }
    };
    exports.Verifier = {
      fromJSON(object) {
        return {
          verifier: isSet(object.publicKey) ? { $case: "publicKey", publicKey: exports.PublicKey.fromJSON(object.publicKey) } : isSet(object.x509Certificate) ? { $case: "x509Certificate", x509Certificate: sigstore_common_1.X509Certificate.fromJSON(object.x509Certificate) } : void 0,
          keyDetails: isSet(object.keyDetails) ? (0, sigstore_common_1.publicKeyDetailsFromJSON)(object.keyDetails) : 0
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.verifier?.$case === "publicKey") {
          obj.publicKey = exports.PublicKey.toJSON(message2.verifier.publicKey);
        } else if (message2.verifier?.$case === "x509Certificate") {
          obj.x509Certificate = sigstore_common_1.X509Certificate.toJSON(message2.verifier.x509Certificate);
        }
        if (message2.keyDetails !== 0) {
          obj.keyDetails = (0, sigstore_common_1.publicKeyDetailsToJSON)(message2.keyDetails);
        }
        return obj;
      }
    };
    exports.Signature = {
      fromJSON(object) {
        return {
          content: isSet(object.content) ? Buffer2.from(bytesFromBase64(object.content)) : Buffer2.alloc(0),
          verifier: isSet(object.verifier) ? exports.Verifier.fromJSON(object.verifier) : void 0
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.content.length !== 0) {
          obj.content = base64FromBytes(message2.content);
        }
        if (message2.verifier !== void 0) {
          obj.verifier = exports.Verifier.toJSON(message2.verifier);
        }
        return obj;
      }
    };
    function bytesFromBase64(b64) {
      return Uint8Array.from(Buffer2.from(b64, "base64"));
    }
    function base64FromBytes(arr) {
      return Buffer2.from(arr).toString("base64");
    }
    function isSet(value) {
      return value !== null && value !== void 0;
    }
  }
});

// node_modules/@sigstore/protobuf-specs/dist/__generated__/rekor/v2/dsse.js
var require_dsse3 = __commonJS({
  "node_modules/@sigstore/protobuf-specs/dist/__generated__/rekor/v2/dsse.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DSSELogEntryV002 = exports.DSSERequestV002 = void 0;
    var envelope_1 = require_envelope();
    var sigstore_common_1 = require_sigstore_common();
    var verifier_1 = require_verifier();
    exports.DSSERequestV002 = {
      fromJSON(object) {
        return {
          envelope: isSet(object.envelope) ? envelope_1.Envelope.fromJSON(object.envelope) : void 0,
          verifiers: globalThis.Array.isArray(object?.verifiers) ? object.verifiers.map((e) => verifier_1.Verifier.fromJSON(e)) : []
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.envelope !== void 0) {
          obj.envelope = envelope_1.Envelope.toJSON(message2.envelope);
        }
        if (message2.verifiers?.length) {
          obj.verifiers = message2.verifiers.map((e) => verifier_1.Verifier.toJSON(e));
        }
        return obj;
      }
    };
    exports.DSSELogEntryV002 = {
      fromJSON(object) {
        return {
          payloadHash: isSet(object.payloadHash) ? sigstore_common_1.HashOutput.fromJSON(object.payloadHash) : void 0,
          signatures: globalThis.Array.isArray(object?.signatures) ? object.signatures.map((e) => verifier_1.Signature.fromJSON(e)) : []
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.payloadHash !== void 0) {
          obj.payloadHash = sigstore_common_1.HashOutput.toJSON(message2.payloadHash);
        }
        if (message2.signatures?.length) {
          obj.signatures = message2.signatures.map((e) => verifier_1.Signature.toJSON(e));
        }
        return obj;
      }
    };
    function isSet(value) {
      return value !== null && value !== void 0;
    }
  }
});

// node_modules/@sigstore/protobuf-specs/dist/__generated__/rekor/v2/hashedrekord.js
var require_hashedrekord = __commonJS({
  "node_modules/@sigstore/protobuf-specs/dist/__generated__/rekor/v2/hashedrekord.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.HashedRekordLogEntryV002 = exports.HashedRekordRequestV002 = void 0;
    var sigstore_common_1 = require_sigstore_common();
    var verifier_1 = require_verifier();
    exports.HashedRekordRequestV002 = {
      fromJSON(object) {
        return {
          digest: isSet(object.digest) ? Buffer2.from(bytesFromBase64(object.digest)) : Buffer2.alloc(0),
          signature: isSet(object.signature) ? verifier_1.Signature.fromJSON(object.signature) : void 0
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.digest.length !== 0) {
          obj.digest = base64FromBytes(message2.digest);
        }
        if (message2.signature !== void 0) {
          obj.signature = verifier_1.Signature.toJSON(message2.signature);
        }
        return obj;
      }
    };
    exports.HashedRekordLogEntryV002 = {
      fromJSON(object) {
        return {
          data: isSet(object.data) ? sigstore_common_1.HashOutput.fromJSON(object.data) : void 0,
          signature: isSet(object.signature) ? verifier_1.Signature.fromJSON(object.signature) : void 0
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.data !== void 0) {
          obj.data = sigstore_common_1.HashOutput.toJSON(message2.data);
        }
        if (message2.signature !== void 0) {
          obj.signature = verifier_1.Signature.toJSON(message2.signature);
        }
        return obj;
      }
    };
    function bytesFromBase64(b64) {
      return Uint8Array.from(Buffer2.from(b64, "base64"));
    }
    function base64FromBytes(arr) {
      return Buffer2.from(arr).toString("base64");
    }
    function isSet(value) {
      return value !== null && value !== void 0;
    }
  }
});

// node_modules/@sigstore/protobuf-specs/dist/__generated__/rekor/v2/entry.js
var require_entry = __commonJS({
  "node_modules/@sigstore/protobuf-specs/dist/__generated__/rekor/v2/entry.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CreateEntryRequest = exports.Spec = exports.Entry = void 0;
    var dsse_1 = require_dsse3();
    var hashedrekord_1 = require_hashedrekord();
    exports.Entry = {
      fromJSON(object) {
        return {
          kind: isSet(object.kind) ? globalThis.String(object.kind) : "",
          apiVersion: isSet(object.apiVersion) ? globalThis.String(object.apiVersion) : "",
          spec: isSet(object.spec) ? exports.Spec.fromJSON(object.spec) : void 0
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.kind !== "") {
          obj.kind = message2.kind;
        }
        if (message2.apiVersion !== "") {
          obj.apiVersion = message2.apiVersion;
        }
        if (message2.spec !== void 0) {
          obj.spec = exports.Spec.toJSON(message2.spec);
        }
        return obj;
      }
    };
    exports.Spec = {
      fromJSON(object) {
        return {
          spec: isSet(object.hashedRekordV002) ? { $case: "hashedRekordV002", hashedRekordV002: hashedrekord_1.HashedRekordLogEntryV002.fromJSON(object.hashedRekordV002) } : isSet(object.dsseV002) ? { $case: "dsseV002", dsseV002: dsse_1.DSSELogEntryV002.fromJSON(object.dsseV002) } : void 0
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.spec?.$case === "hashedRekordV002") {
          obj.hashedRekordV002 = hashedrekord_1.HashedRekordLogEntryV002.toJSON(message2.spec.hashedRekordV002);
        } else if (message2.spec?.$case === "dsseV002") {
          obj.dsseV002 = dsse_1.DSSELogEntryV002.toJSON(message2.spec.dsseV002);
        }
        return obj;
      }
    };
    exports.CreateEntryRequest = {
      fromJSON(object) {
        return {
          spec: isSet(object.hashedRekordRequestV002) ? {
            $case: "hashedRekordRequestV002",
            hashedRekordRequestV002: hashedrekord_1.HashedRekordRequestV002.fromJSON(object.hashedRekordRequestV002)
          } : isSet(object.dsseRequestV002) ? { $case: "dsseRequestV002", dsseRequestV002: dsse_1.DSSERequestV002.fromJSON(object.dsseRequestV002) } : void 0
        };
      },
      toJSON(message2) {
        const obj = {};
        if (message2.spec?.$case === "hashedRekordRequestV002") {
          obj.hashedRekordRequestV002 = hashedrekord_1.HashedRekordRequestV002.toJSON(message2.spec.hashedRekordRequestV002);
        } else if (message2.spec?.$case === "dsseRequestV002") {
          obj.dsseRequestV002 = dsse_1.DSSERequestV002.toJSON(message2.spec.dsseRequestV002);
        }
        return obj;
      }
    };
    function isSet(value) {
      return value !== null && value !== void 0;
    }
  }
});

// node_modules/@sigstore/protobuf-specs/dist/rekor/v2/index.js
var require_v2 = __commonJS({
  "node_modules/@sigstore/protobuf-specs/dist/rekor/v2/index.js"(exports) {
    "use strict";
    init_buffer();
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    __exportStar(require_dsse3(), exports);
    __exportStar(require_entry(), exports);
    __exportStar(require_hashedrekord(), exports);
    __exportStar(require_verifier(), exports);
  }
});

// node_modules/@sigstore/verify/dist/tlog/dsse.js
var require_dsse4 = __commonJS({
  "node_modules/@sigstore/verify/dist/tlog/dsse.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DSSE_API_VERSION_V1 = void 0;
    exports.verifyDSSETLogBody = verifyDSSETLogBody;
    exports.verifyDSSETLogBodyV2 = verifyDSSETLogBodyV2;
    var error_1 = require_error3();
    exports.DSSE_API_VERSION_V1 = "0.0.1";
    function verifyDSSETLogBody(tlogEntry, content) {
      switch (tlogEntry.apiVersion) {
        case exports.DSSE_API_VERSION_V1:
          return verifyDSSE001TLogBody(tlogEntry, content);
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported dsse version: ${tlogEntry.apiVersion}`
          });
      }
    }
    function verifyDSSETLogBodyV2(tlogEntry, content) {
      const spec = tlogEntry.spec?.spec;
      if (!spec) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: `missing dsse spec`
        });
      }
      switch (spec.$case) {
        case "dsseV002":
          return verifyDSSE002TLogBody(spec.dsseV002, content);
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported version: ${spec.$case}`
          });
      }
    }
    function verifyDSSE001TLogBody(tlogEntry, content) {
      if (tlogEntry.spec.signatures?.length !== 1) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "signature count mismatch"
        });
      }
      const tlogSig = tlogEntry.spec.signatures[0].signature;
      if (!content.compareSignature(Buffer2.from(tlogSig, "base64")))
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "tlog entry signature mismatch"
        });
      const tlogHash = tlogEntry.spec.payloadHash?.value || "";
      if (!content.compareDigest(Buffer2.from(tlogHash, "hex"))) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "DSSE payload hash mismatch"
        });
      }
    }
    function verifyDSSE002TLogBody(spec, content) {
      if (spec.signatures?.length !== 1) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "signature count mismatch"
        });
      }
      const tlogSig = spec.signatures[0].content;
      if (!content.compareSignature(tlogSig))
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "tlog entry signature mismatch"
        });
      const tlogHash = spec.payloadHash?.digest || Buffer2.from("");
      if (!content.compareDigest(tlogHash)) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "DSSE payload hash mismatch"
        });
      }
    }
  }
});

// node_modules/@sigstore/verify/dist/tlog/hashedrekord.js
var require_hashedrekord2 = __commonJS({
  "node_modules/@sigstore/verify/dist/tlog/hashedrekord.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.HASHEDREKORD_API_VERSION_V1 = void 0;
    exports.verifyHashedRekordTLogBody = verifyHashedRekordTLogBody;
    exports.verifyHashedRekordTLogBodyV2 = verifyHashedRekordTLogBodyV2;
    var error_1 = require_error3();
    exports.HASHEDREKORD_API_VERSION_V1 = "0.0.1";
    function verifyHashedRekordTLogBody(tlogEntry, content) {
      switch (tlogEntry.apiVersion) {
        case exports.HASHEDREKORD_API_VERSION_V1:
          return verifyHashedrekord001TLogBody(tlogEntry, content);
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported hashedrekord version: ${tlogEntry.apiVersion}`
          });
      }
    }
    function verifyHashedRekordTLogBodyV2(tlogEntry, content) {
      const spec = tlogEntry.spec?.spec;
      if (!spec) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: `missing dsse spec`
        });
      }
      switch (spec.$case) {
        case "hashedRekordV002":
          return verifyHashedrekord002TLogBody(spec.hashedRekordV002, content);
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported version: ${spec.$case}`
          });
      }
    }
    function verifyHashedrekord001TLogBody(tlogEntry, content) {
      const tlogSig = tlogEntry.spec.signature.content || "";
      if (!content.compareSignature(Buffer2.from(tlogSig, "base64"))) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "signature mismatch"
        });
      }
      const tlogDigest = tlogEntry.spec.data.hash?.value || "";
      if (!content.compareSignedDigest(Buffer2.from(tlogDigest, "hex"))) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "digest mismatch"
        });
      }
    }
    function verifyHashedrekord002TLogBody(spec, content) {
      const tlogSig = spec.signature?.content || Buffer2.from("");
      if (!content.compareSignature(tlogSig)) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "signature mismatch"
        });
      }
      const tlogHash = spec.data?.digest || Buffer2.from("");
      if (!content.compareSignedDigest(tlogHash)) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "digest mismatch"
        });
      }
    }
  }
});

// node_modules/@sigstore/verify/dist/tlog/intoto.js
var require_intoto = __commonJS({
  "node_modules/@sigstore/verify/dist/tlog/intoto.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyIntotoTLogBody = verifyIntotoTLogBody;
    var error_1 = require_error3();
    function verifyIntotoTLogBody(tlogEntry, content) {
      switch (tlogEntry.apiVersion) {
        case "0.0.2":
          return verifyIntoto002TLogBody(tlogEntry, content);
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported intoto version: ${tlogEntry.apiVersion}`
          });
      }
    }
    function verifyIntoto002TLogBody(tlogEntry, content) {
      if (tlogEntry.spec.content.envelope.signatures?.length !== 1) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "signature count mismatch"
        });
      }
      const tlogSig = base64Decode(tlogEntry.spec.content.envelope.signatures[0].sig);
      if (!content.compareSignature(Buffer2.from(tlogSig, "base64"))) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "tlog entry signature mismatch"
        });
      }
      const tlogHash = tlogEntry.spec.content.payloadHash?.value || "";
      if (!content.compareDigest(Buffer2.from(tlogHash, "hex"))) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "DSSE payload hash mismatch"
        });
      }
    }
    function base64Decode(str) {
      return Buffer2.from(str, "base64").toString("utf-8");
    }
  }
});

// node_modules/@sigstore/verify/dist/tlog/checkpoint.js
var require_checkpoint = __commonJS({
  "node_modules/@sigstore/verify/dist/tlog/checkpoint.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.LogCheckpoint = void 0;
    exports.verifyCheckpoint = verifyCheckpoint2;
    var core_1 = require_dist2();
    var error_1 = require_error3();
    var CHECKPOINT_SEPARATOR = "\n\n";
    var SIGNATURE_REGEX = /\u2014 (\S+) (\S+)\n/g;
    function verifyCheckpoint2(entry, tlogs) {
      const inclusionProof = entry.inclusionProof;
      const signedNote = SignedNote.fromString(inclusionProof.checkpoint.envelope);
      const checkpoint = LogCheckpoint.fromString(signedNote.note);
      if (!verifySignedNote(signedNote, tlogs)) {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROOF_ERROR",
          message: "invalid checkpoint signature"
        });
      }
      return checkpoint;
    }
    function verifySignedNote(signedNote, tlogs) {
      const data = Buffer2.from(signedNote.note, "utf-8");
      return signedNote.signatures.some((signature) => {
        const tlog = tlogs.find((tlog2) => core_1.crypto.bufferEqual(tlog2.logID.subarray(0, 4), signature.keyHint) && // Match the signature name to the base URL of the tlog. The name is
        // attacker-controlled, so it MUST be compared as a literal substring
        // and never coerced into a RegExp (as String.prototype.match would).
        tlog2.baseURL.includes(signature.name));
        if (!tlog) {
          return false;
        }
        return core_1.crypto.verify(data, tlog.publicKey, signature.signature);
      });
    }
    var SignedNote = class _SignedNote {
      note;
      signatures;
      constructor(note, signatures) {
        this.note = note;
        this.signatures = signatures;
      }
      // Deserialize a SignedNote from a string
      static fromString(envelope) {
        if (!envelope.includes(CHECKPOINT_SEPARATOR)) {
          throw new error_1.VerificationError({
            code: "TLOG_INCLUSION_PROOF_ERROR",
            message: "missing checkpoint separator"
          });
        }
        const split2 = envelope.indexOf(CHECKPOINT_SEPARATOR);
        const header = envelope.slice(0, split2 + 1);
        const data = envelope.slice(split2 + CHECKPOINT_SEPARATOR.length);
        const matches = data.matchAll(SIGNATURE_REGEX);
        const signatures = Array.from(matches, (match) => {
          const [, name, signature] = match;
          const sigBytes = Buffer2.from(signature, "base64");
          if (sigBytes.length < 5) {
            throw new error_1.VerificationError({
              code: "TLOG_INCLUSION_PROOF_ERROR",
              message: "malformed checkpoint signature"
            });
          }
          return {
            name,
            keyHint: sigBytes.subarray(0, 4),
            signature: sigBytes.subarray(4)
          };
        });
        if (signatures.length === 0) {
          throw new error_1.VerificationError({
            code: "TLOG_INCLUSION_PROOF_ERROR",
            message: "no signatures found in checkpoint"
          });
        }
        return new _SignedNote(header, signatures);
      }
    };
    var LogCheckpoint = class _LogCheckpoint {
      origin;
      logSize;
      logHash;
      rest;
      constructor(origin, logSize, logHash, rest) {
        this.origin = origin;
        this.logSize = logSize;
        this.logHash = logHash;
        this.rest = rest;
      }
      static fromString(note) {
        const lines = note.trimEnd().split("\n");
        if (lines.length < 3) {
          throw new error_1.VerificationError({
            code: "TLOG_INCLUSION_PROOF_ERROR",
            message: "too few lines in checkpoint header"
          });
        }
        const origin = lines[0];
        let logSize;
        try {
          logSize = BigInt(lines[1]);
        } catch {
          throw new error_1.VerificationError({
            code: "TLOG_INCLUSION_PROOF_ERROR",
            message: "invalid checkpoint log size"
          });
        }
        const rootHash = Buffer2.from(lines[2], "base64");
        const rest = lines.slice(3);
        return new _LogCheckpoint(origin, logSize, rootHash, rest);
      }
    };
    exports.LogCheckpoint = LogCheckpoint;
  }
});

// node_modules/@sigstore/verify/dist/tlog/merkle.js
var require_merkle = __commonJS({
  "node_modules/@sigstore/verify/dist/tlog/merkle.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyMerkleInclusion = verifyMerkleInclusion;
    var core_1 = require_dist2();
    var error_1 = require_error3();
    var RFC6962_LEAF_HASH_PREFIX = Buffer2.from([0]);
    var RFC6962_NODE_HASH_PREFIX = Buffer2.from([1]);
    function verifyMerkleInclusion(entry, checkpoint) {
      const inclusionProof = entry.inclusionProof;
      let logIndex;
      try {
        logIndex = BigInt(inclusionProof.logIndex);
      } catch {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROOF_ERROR",
          message: "invalid inclusion proof log index"
        });
      }
      const treeSize = BigInt(checkpoint.logSize);
      if (logIndex < 0n || logIndex >= treeSize) {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROOF_ERROR",
          message: `invalid index: ${logIndex}`
        });
      }
      const { inner, border } = decompInclProof(logIndex, treeSize);
      if (inclusionProof.hashes.length !== inner + border) {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROOF_ERROR",
          message: "invalid hash count"
        });
      }
      const innerHashes = inclusionProof.hashes.slice(0, inner);
      const borderHashes = inclusionProof.hashes.slice(inner);
      const leafHash2 = hashLeaf(entry.canonicalizedBody);
      const calculatedHash = chainBorderRight(chainInner(leafHash2, innerHashes, logIndex), borderHashes);
      if (!core_1.crypto.bufferEqual(calculatedHash, checkpoint.logHash)) {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROOF_ERROR",
          message: "calculated root hash does not match inclusion proof"
        });
      }
    }
    function decompInclProof(index, size) {
      const inner = innerProofSize(index, size);
      const border = onesCount(index >> BigInt(inner));
      return { inner, border };
    }
    function chainInner(seed, hashes2, index) {
      return hashes2.reduce((acc, h, i) => {
        if (index >> BigInt(i) & BigInt(1)) {
          return hashChildren(h, acc);
        } else {
          return hashChildren(acc, h);
        }
      }, seed);
    }
    function chainBorderRight(seed, hashes2) {
      return hashes2.reduce((acc, h) => hashChildren(h, acc), seed);
    }
    function innerProofSize(index, size) {
      return bitLength(index ^ size - BigInt(1));
    }
    function onesCount(num) {
      return num.toString(2).split("1").length - 1;
    }
    function bitLength(n) {
      if (n === 0n) {
        return 0;
      }
      return n.toString(2).length;
    }
    function hashChildren(left, right) {
      return core_1.crypto.digest("sha256", RFC6962_NODE_HASH_PREFIX, left, right);
    }
    function hashLeaf(leaf) {
      return core_1.crypto.digest("sha256", RFC6962_LEAF_HASH_PREFIX, leaf);
    }
  }
});

// node_modules/@sigstore/verify/dist/tlog/set.js
var require_set = __commonJS({
  "node_modules/@sigstore/verify/dist/tlog/set.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyTLogSET = verifyTLogSET;
    var core_1 = require_dist2();
    var error_1 = require_error3();
    var trust_1 = require_trust();
    function verifyTLogSET(entry, tlogs) {
      const validTLogs = (0, trust_1.filterTLogAuthorities)(tlogs, {
        logID: entry.logId.keyId,
        targetDate: new Date(Number(entry.integratedTime) * 1e3)
      });
      const verified = validTLogs.some((tlog) => {
        const payload = toVerificationPayload(entry);
        const data = Buffer2.from(core_1.json.canonicalize(payload), "utf8");
        const signature = entry.inclusionPromise.signedEntryTimestamp;
        return core_1.crypto.verify(data, tlog.publicKey, signature);
      });
      if (!verified) {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROMISE_ERROR",
          message: "inclusion promise could not be verified"
        });
      }
    }
    function toVerificationPayload(entry) {
      const { integratedTime, logIndex, logId, canonicalizedBody } = entry;
      return {
        body: canonicalizedBody.toString("base64"),
        integratedTime: Number(integratedTime),
        logIndex: Number(logIndex),
        logID: logId.keyId.toString("hex")
      };
    }
  }
});

// node_modules/@sigstore/verify/dist/tlog/index.js
var require_tlog = __commonJS({
  "node_modules/@sigstore/verify/dist/tlog/index.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyTLogBody = verifyTLogBody;
    exports.verifyTLogInclusion = verifyTLogInclusion;
    var v2_1 = require_v2();
    var error_1 = require_error3();
    var dsse_1 = require_dsse4();
    var hashedrekord_1 = require_hashedrekord2();
    var intoto_1 = require_intoto();
    var checkpoint_1 = require_checkpoint();
    var merkle_1 = require_merkle();
    var set_1 = require_set();
    function verifyTLogBody(entry, sigContent) {
      const { kind, version } = entry.kindVersion;
      let body;
      try {
        body = JSON.parse(entry.canonicalizedBody.toString("utf8"));
      } catch {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "invalid canonicalized body"
        });
      }
      if (kind !== body.kind || version !== body.apiVersion) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: `kind/version mismatch - expected: ${kind}/${version}, received: ${body.kind}/${body.apiVersion}`
        });
      }
      switch (kind) {
        case "dsse":
          if (version == dsse_1.DSSE_API_VERSION_V1) {
            return (0, dsse_1.verifyDSSETLogBody)(body, sigContent);
          } else {
            const entryRekorV2 = v2_1.Entry.fromJSON(body);
            return (0, dsse_1.verifyDSSETLogBodyV2)(entryRekorV2, sigContent);
          }
        case "intoto":
          return (0, intoto_1.verifyIntotoTLogBody)(body, sigContent);
        case "hashedrekord":
          if (version == hashedrekord_1.HASHEDREKORD_API_VERSION_V1) {
            return (0, hashedrekord_1.verifyHashedRekordTLogBody)(body, sigContent);
          } else {
            const entryRekorV2 = v2_1.Entry.fromJSON(body);
            return (0, hashedrekord_1.verifyHashedRekordTLogBodyV2)(entryRekorV2, sigContent);
          }
        /* istanbul ignore next */
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported kind: ${kind}`
          });
      }
    }
    function verifyTLogInclusion(entry, tlogAuthorities) {
      let inclusionVerified = false;
      if (isTLogEntryWithInclusionPromise(entry)) {
        (0, set_1.verifyTLogSET)(entry, tlogAuthorities);
        inclusionVerified = true;
      }
      if (isTLogEntryWithInclusionProof(entry)) {
        const matchingAuthorities = tlogAuthorities.filter((tlog) => tlog.logID.equals(entry.logId.keyId));
        const checkpoint = (0, checkpoint_1.verifyCheckpoint)(entry, matchingAuthorities);
        (0, merkle_1.verifyMerkleInclusion)(entry, checkpoint);
        inclusionVerified = true;
      }
      if (!inclusionVerified) {
        throw new error_1.VerificationError({
          code: "TLOG_MISSING_INCLUSION_ERROR",
          message: "inclusion could not be verified"
        });
      }
      return;
    }
    function isTLogEntryWithInclusionPromise(entry) {
      return entry.inclusionPromise !== void 0;
    }
    function isTLogEntryWithInclusionProof(entry) {
      return entry.inclusionProof !== void 0;
    }
  }
});

// node_modules/@sigstore/verify/dist/verifier.js
var require_verifier2 = __commonJS({
  "node_modules/@sigstore/verify/dist/verifier.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Verifier = void 0;
    var util_1 = (init_node_util(), __toCommonJS(node_util_exports));
    var error_1 = require_error3();
    var key_1 = require_key();
    var policy_1 = require_policy();
    var timestamp_1 = require_timestamp3();
    var tlog_1 = require_tlog();
    var Verifier2 = class {
      trustMaterial;
      options;
      constructor(trustMaterial, options = {}) {
        this.trustMaterial = trustMaterial;
        this.options = {
          ctlogThreshold: options.ctlogThreshold ?? 1,
          tlogThreshold: options.tlogThreshold ?? 1,
          timestampThreshold: options.timestampThreshold ?? options.tsaThreshold ?? 1,
          tsaThreshold: 0
        };
      }
      verify(entity, policy) {
        const timestamps = this.verifyTimestamps(entity);
        const signer = this.verifySigningKey(entity, timestamps);
        this.verifyTLogs(entity);
        this.verifySignature(entity, signer);
        if (policy) {
          this.verifyPolicy(policy, signer.identity || {});
        }
        return signer;
      }
      // Checks that all of the timestamps in the entity are valid and returns them
      verifyTimestamps(entity) {
        const timestamps = [];
        for (const timestamp of entity.timestamps) {
          switch (timestamp.$case) {
            case "timestamp-authority":
              timestamps.push((0, timestamp_1.getTSATimestamp)(timestamp.timestamp, entity.signature.signature, this.trustMaterial.timestampAuthorities));
              break;
            case "transparency-log": {
              const result = (0, timestamp_1.getTLogTimestamp)(timestamp.tlogEntry);
              if (result) {
                timestamps.push(result);
              }
              break;
            }
          }
        }
        if (containsDupes(timestamps)) {
          throw new error_1.VerificationError({
            code: "TIMESTAMP_ERROR",
            message: "duplicate timestamp"
          });
        }
        if (timestamps.length < this.options.timestampThreshold) {
          throw new error_1.VerificationError({
            code: "TIMESTAMP_ERROR",
            message: `expected ${this.options.timestampThreshold} timestamps, got ${timestamps.length}`
          });
        }
        return timestamps.map((t) => t.timestamp);
      }
      // Checks that the signing key is valid for all of the the supplied timestamps
      // and returns the signer.
      verifySigningKey({ key }, timestamps) {
        switch (key.$case) {
          case "public-key": {
            return (0, key_1.verifyPublicKey)(key.hint, timestamps, this.trustMaterial);
          }
          case "certificate": {
            const result = (0, key_1.verifyCertificate)(key.certificate, timestamps, this.trustMaterial);
            if (containsDupes(result.scts)) {
              throw new error_1.VerificationError({
                code: "CERTIFICATE_ERROR",
                message: "duplicate SCT"
              });
            }
            if (result.scts.length < this.options.ctlogThreshold) {
              throw new error_1.VerificationError({
                code: "CERTIFICATE_ERROR",
                message: `expected ${this.options.ctlogThreshold} SCTs, got ${result.scts.length}`
              });
            }
            return result.signer;
          }
        }
      }
      // Checks that the tlog entries are valid for the supplied content
      verifyTLogs({ signature: content, tlogEntries }) {
        const entryIDs = [];
        tlogEntries.forEach((entry) => {
          (0, tlog_1.verifyTLogInclusion)(entry, this.trustMaterial.tlogs);
          (0, tlog_1.verifyTLogBody)(entry, content);
          entryIDs.push({
            logID: entry.logId.keyId,
            body: entry.canonicalizedBody
          });
        });
        if (containsDupes(entryIDs)) {
          throw new error_1.VerificationError({
            code: "TLOG_ERROR",
            message: "duplicate tlog entry"
          });
        }
        if (entryIDs.length < this.options.tlogThreshold) {
          throw new error_1.VerificationError({
            code: "TLOG_ERROR",
            message: `expected ${this.options.tlogThreshold} tlog entries, got ${entryIDs.length}`
          });
        }
      }
      // Checks that the signature is valid for the supplied content
      verifySignature(entity, signer) {
        if (!entity.signature.verifySignature(signer.key)) {
          throw new error_1.VerificationError({
            code: "SIGNATURE_ERROR",
            message: "signature verification failed"
          });
        }
      }
      verifyPolicy(policy, identity) {
        if (policy.subjectAlternativeName) {
          (0, policy_1.verifySubjectAlternativeName)(policy.subjectAlternativeName, identity.subjectAlternativeName);
        }
        if (policy.extensions) {
          (0, policy_1.verifyExtensions)(policy.extensions, identity.extensions);
        }
        if (policy.oids) {
          (0, policy_1.verifyOIDs)(policy.oids, identity.oids);
        }
      }
    };
    exports.Verifier = Verifier2;
    function containsDupes(arr) {
      for (let i = 0; i < arr.length; i++) {
        for (let j = i + 1; j < arr.length; j++) {
          if ((0, util_1.isDeepStrictEqual)(arr[i], arr[j])) {
            return true;
          }
        }
      }
      return false;
    }
  }
});

// node_modules/@sigstore/verify/dist/index.js
var require_dist3 = __commonJS({
  "node_modules/@sigstore/verify/dist/index.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Verifier = exports.toTrustMaterial = exports.VerificationError = exports.PolicyError = exports.toSignedEntity = void 0;
    var bundle_1 = require_bundle();
    Object.defineProperty(exports, "toSignedEntity", { enumerable: true, get: function() {
      return bundle_1.toSignedEntity;
    } });
    var error_1 = require_error3();
    Object.defineProperty(exports, "PolicyError", { enumerable: true, get: function() {
      return error_1.PolicyError;
    } });
    Object.defineProperty(exports, "VerificationError", { enumerable: true, get: function() {
      return error_1.VerificationError;
    } });
    var trust_1 = require_trust();
    Object.defineProperty(exports, "toTrustMaterial", { enumerable: true, get: function() {
      return trust_1.toTrustMaterial;
    } });
    var verifier_1 = require_verifier2();
    Object.defineProperty(exports, "Verifier", { enumerable: true, get: function() {
      return verifier_1.Verifier;
    } });
  }
});

// node_modules/@sigstore/bundle/dist/bundle.js
var require_bundle2 = __commonJS({
  "node_modules/@sigstore/bundle/dist/bundle.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.BUNDLE_V03_MEDIA_TYPE = exports.BUNDLE_V03_LEGACY_MEDIA_TYPE = exports.BUNDLE_V02_MEDIA_TYPE = exports.BUNDLE_V01_MEDIA_TYPE = void 0;
    exports.isBundleWithCertificateChain = isBundleWithCertificateChain;
    exports.isBundleWithPublicKey = isBundleWithPublicKey;
    exports.isBundleWithMessageSignature = isBundleWithMessageSignature;
    exports.isBundleWithDsseEnvelope = isBundleWithDsseEnvelope;
    exports.BUNDLE_V01_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle+json;version=0.1";
    exports.BUNDLE_V02_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle+json;version=0.2";
    exports.BUNDLE_V03_LEGACY_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle+json;version=0.3";
    exports.BUNDLE_V03_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";
    function isBundleWithCertificateChain(b) {
      return b.verificationMaterial.content.$case === "x509CertificateChain";
    }
    function isBundleWithPublicKey(b) {
      return b.verificationMaterial.content.$case === "publicKey";
    }
    function isBundleWithMessageSignature(b) {
      return b.content.$case === "messageSignature";
    }
    function isBundleWithDsseEnvelope(b) {
      return b.content.$case === "dsseEnvelope";
    }
  }
});

// node_modules/@sigstore/bundle/dist/build.js
var require_build = __commonJS({
  "node_modules/@sigstore/bundle/dist/build.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.toMessageSignatureBundle = toMessageSignatureBundle;
    exports.toDSSEBundle = toDSSEBundle;
    var protobuf_specs_1 = require_dist();
    var bundle_1 = require_bundle2();
    function toMessageSignatureBundle(options) {
      return {
        mediaType: options.certificateChain ? bundle_1.BUNDLE_V02_MEDIA_TYPE : bundle_1.BUNDLE_V03_MEDIA_TYPE,
        content: {
          $case: "messageSignature",
          messageSignature: {
            messageDigest: {
              algorithm: protobuf_specs_1.HashAlgorithm.SHA2_256,
              digest: options.digest
            },
            signature: options.signature
          }
        },
        verificationMaterial: toVerificationMaterial(options)
      };
    }
    function toDSSEBundle(options) {
      return {
        mediaType: options.certificateChain ? bundle_1.BUNDLE_V02_MEDIA_TYPE : bundle_1.BUNDLE_V03_MEDIA_TYPE,
        content: {
          $case: "dsseEnvelope",
          dsseEnvelope: toEnvelope(options)
        },
        verificationMaterial: toVerificationMaterial(options)
      };
    }
    function toEnvelope(options) {
      return {
        payloadType: options.artifactType,
        payload: options.artifact,
        signatures: [toSignature(options)]
      };
    }
    function toSignature(options) {
      return {
        keyid: options.keyHint || "",
        sig: options.signature
      };
    }
    function toVerificationMaterial(options) {
      return {
        content: toKeyContent(options),
        tlogEntries: [],
        timestampVerificationData: { rfc3161Timestamps: [] }
      };
    }
    function toKeyContent(options) {
      if (options.certificate) {
        if (options.certificateChain) {
          return {
            $case: "x509CertificateChain",
            x509CertificateChain: {
              certificates: [{ rawBytes: options.certificate }]
            }
          };
        } else {
          return {
            $case: "certificate",
            certificate: { rawBytes: options.certificate }
          };
        }
      } else {
        return {
          $case: "publicKey",
          publicKey: {
            hint: options.keyHint || ""
          }
        };
      }
    }
  }
});

// node_modules/@sigstore/bundle/dist/error.js
var require_error4 = __commonJS({
  "node_modules/@sigstore/bundle/dist/error.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ValidationError = void 0;
    var ValidationError = class extends Error {
      fields;
      constructor(message2, fields2) {
        super(message2);
        this.fields = fields2;
      }
    };
    exports.ValidationError = ValidationError;
  }
});

// node_modules/@sigstore/bundle/dist/validate.js
var require_validate = __commonJS({
  "node_modules/@sigstore/bundle/dist/validate.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.assertBundle = assertBundle;
    exports.assertBundleV01 = assertBundleV01;
    exports.isBundleV01 = isBundleV01;
    exports.assertBundleV02 = assertBundleV02;
    exports.assertBundleLatest = assertBundleLatest;
    var error_1 = require_error4();
    function assertBundle(b) {
      const invalidValues = validateBundleBase(b);
      if (invalidValues.length > 0) {
        throw new error_1.ValidationError("invalid bundle", invalidValues);
      }
    }
    function assertBundleV01(b) {
      const invalidValues = [];
      invalidValues.push(...validateBundleBase(b));
      invalidValues.push(...validateInclusionPromise(b));
      if (invalidValues.length > 0) {
        throw new error_1.ValidationError("invalid v0.1 bundle", invalidValues);
      }
    }
    function isBundleV01(b) {
      try {
        assertBundleV01(b);
        return true;
      } catch (e) {
        return false;
      }
    }
    function assertBundleV02(b) {
      const invalidValues = [];
      invalidValues.push(...validateBundleBase(b));
      invalidValues.push(...validateInclusionProof(b));
      if (invalidValues.length > 0) {
        throw new error_1.ValidationError("invalid v0.2 bundle", invalidValues);
      }
    }
    function assertBundleLatest(b) {
      const invalidValues = [];
      invalidValues.push(...validateBundleBase(b));
      invalidValues.push(...validateInclusionProof(b));
      invalidValues.push(...validateNoCertificateChain(b));
      if (invalidValues.length > 0) {
        throw new error_1.ValidationError("invalid bundle", invalidValues);
      }
    }
    function validateBundleBase(b) {
      const invalidValues = [];
      if (b.mediaType === void 0 || !b.mediaType.match(/^application\/vnd\.dev\.sigstore\.bundle\+json;version=\d\.\d/) && !b.mediaType.match(/^application\/vnd\.dev\.sigstore\.bundle\.v\d\.\d\+json/)) {
        invalidValues.push("mediaType");
      }
      if (b.content === void 0) {
        invalidValues.push("content");
      } else {
        switch (b.content.$case) {
          case "messageSignature":
            if (b.content.messageSignature.messageDigest === void 0) {
              invalidValues.push("content.messageSignature.messageDigest");
            } else {
              if (b.content.messageSignature.messageDigest.digest.length === 0) {
                invalidValues.push("content.messageSignature.messageDigest.digest");
              }
            }
            if (b.content.messageSignature.signature.length === 0) {
              invalidValues.push("content.messageSignature.signature");
            }
            break;
          case "dsseEnvelope":
            if (b.content.dsseEnvelope.payload.length === 0) {
              invalidValues.push("content.dsseEnvelope.payload");
            }
            if (b.content.dsseEnvelope.signatures.length !== 1) {
              invalidValues.push("content.dsseEnvelope.signatures");
            } else {
              if (b.content.dsseEnvelope.signatures[0].sig.length === 0) {
                invalidValues.push("content.dsseEnvelope.signatures[0].sig");
              }
            }
            break;
        }
      }
      if (b.verificationMaterial === void 0) {
        invalidValues.push("verificationMaterial");
      } else {
        if (b.verificationMaterial.content === void 0) {
          invalidValues.push("verificationMaterial.content");
        } else {
          switch (b.verificationMaterial.content.$case) {
            case "x509CertificateChain":
              if (b.verificationMaterial.content.x509CertificateChain.certificates.length === 0) {
                invalidValues.push("verificationMaterial.content.x509CertificateChain.certificates");
              }
              b.verificationMaterial.content.x509CertificateChain.certificates.forEach((cert, i) => {
                if (cert.rawBytes.length === 0) {
                  invalidValues.push(`verificationMaterial.content.x509CertificateChain.certificates[${i}].rawBytes`);
                }
              });
              break;
            case "certificate":
              if (b.verificationMaterial.content.certificate.rawBytes.length === 0) {
                invalidValues.push("verificationMaterial.content.certificate.rawBytes");
              }
              break;
          }
        }
        if (b.verificationMaterial.tlogEntries === void 0) {
          invalidValues.push("verificationMaterial.tlogEntries");
        } else {
          if (b.verificationMaterial.tlogEntries.length > 0) {
            b.verificationMaterial.tlogEntries.forEach((entry, i) => {
              if (entry.logId === void 0) {
                invalidValues.push(`verificationMaterial.tlogEntries[${i}].logId`);
              }
              if (entry.kindVersion === void 0) {
                invalidValues.push(`verificationMaterial.tlogEntries[${i}].kindVersion`);
              }
            });
          }
        }
      }
      return invalidValues;
    }
    function validateInclusionPromise(b) {
      const invalidValues = [];
      if (b.verificationMaterial && b.verificationMaterial.tlogEntries?.length > 0) {
        b.verificationMaterial.tlogEntries.forEach((entry, i) => {
          if (entry.inclusionPromise === void 0) {
            invalidValues.push(`verificationMaterial.tlogEntries[${i}].inclusionPromise`);
          }
        });
      }
      return invalidValues;
    }
    function validateInclusionProof(b) {
      const invalidValues = [];
      if (b.verificationMaterial && b.verificationMaterial.tlogEntries?.length > 0) {
        b.verificationMaterial.tlogEntries.forEach((entry, i) => {
          if (entry.inclusionProof === void 0) {
            invalidValues.push(`verificationMaterial.tlogEntries[${i}].inclusionProof`);
          } else {
            if (entry.inclusionProof.checkpoint === void 0) {
              invalidValues.push(`verificationMaterial.tlogEntries[${i}].inclusionProof.checkpoint`);
            }
          }
        });
      }
      return invalidValues;
    }
    function validateNoCertificateChain(b) {
      const invalidValues = [];
      if (b.verificationMaterial?.content?.$case === "x509CertificateChain") {
        invalidValues.push("verificationMaterial.content.$case");
      }
      return invalidValues;
    }
  }
});

// node_modules/@sigstore/bundle/dist/serialized.js
var require_serialized = __commonJS({
  "node_modules/@sigstore/bundle/dist/serialized.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.envelopeToJSON = exports.envelopeFromJSON = exports.bundleToJSON = exports.bundleFromJSON = void 0;
    var protobuf_specs_1 = require_dist();
    var bundle_1 = require_bundle2();
    var validate_1 = require_validate();
    var bundleFromJSON2 = (obj) => {
      const bundle = protobuf_specs_1.Bundle.fromJSON(obj);
      switch (bundle.mediaType) {
        case bundle_1.BUNDLE_V01_MEDIA_TYPE:
          (0, validate_1.assertBundleV01)(bundle);
          break;
        case bundle_1.BUNDLE_V02_MEDIA_TYPE:
          (0, validate_1.assertBundleV02)(bundle);
          break;
        default:
          (0, validate_1.assertBundleLatest)(bundle);
          break;
      }
      return bundle;
    };
    exports.bundleFromJSON = bundleFromJSON2;
    var bundleToJSON = (bundle) => {
      return protobuf_specs_1.Bundle.toJSON(bundle);
    };
    exports.bundleToJSON = bundleToJSON;
    var envelopeFromJSON = (obj) => {
      return protobuf_specs_1.Envelope.fromJSON(obj);
    };
    exports.envelopeFromJSON = envelopeFromJSON;
    var envelopeToJSON = (envelope) => {
      return protobuf_specs_1.Envelope.toJSON(envelope);
    };
    exports.envelopeToJSON = envelopeToJSON;
  }
});

// node_modules/@sigstore/bundle/dist/index.js
var require_dist4 = __commonJS({
  "node_modules/@sigstore/bundle/dist/index.js"(exports) {
    "use strict";
    init_buffer();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isBundleV01 = exports.assertBundleV02 = exports.assertBundleV01 = exports.assertBundleLatest = exports.assertBundle = exports.envelopeToJSON = exports.envelopeFromJSON = exports.bundleToJSON = exports.bundleFromJSON = exports.ValidationError = exports.isBundleWithPublicKey = exports.isBundleWithMessageSignature = exports.isBundleWithDsseEnvelope = exports.isBundleWithCertificateChain = exports.BUNDLE_V03_MEDIA_TYPE = exports.BUNDLE_V03_LEGACY_MEDIA_TYPE = exports.BUNDLE_V02_MEDIA_TYPE = exports.BUNDLE_V01_MEDIA_TYPE = exports.toMessageSignatureBundle = exports.toDSSEBundle = void 0;
    var build_1 = require_build();
    Object.defineProperty(exports, "toDSSEBundle", { enumerable: true, get: function() {
      return build_1.toDSSEBundle;
    } });
    Object.defineProperty(exports, "toMessageSignatureBundle", { enumerable: true, get: function() {
      return build_1.toMessageSignatureBundle;
    } });
    var bundle_1 = require_bundle2();
    Object.defineProperty(exports, "BUNDLE_V01_MEDIA_TYPE", { enumerable: true, get: function() {
      return bundle_1.BUNDLE_V01_MEDIA_TYPE;
    } });
    Object.defineProperty(exports, "BUNDLE_V02_MEDIA_TYPE", { enumerable: true, get: function() {
      return bundle_1.BUNDLE_V02_MEDIA_TYPE;
    } });
    Object.defineProperty(exports, "BUNDLE_V03_LEGACY_MEDIA_TYPE", { enumerable: true, get: function() {
      return bundle_1.BUNDLE_V03_LEGACY_MEDIA_TYPE;
    } });
    Object.defineProperty(exports, "BUNDLE_V03_MEDIA_TYPE", { enumerable: true, get: function() {
      return bundle_1.BUNDLE_V03_MEDIA_TYPE;
    } });
    Object.defineProperty(exports, "isBundleWithCertificateChain", { enumerable: true, get: function() {
      return bundle_1.isBundleWithCertificateChain;
    } });
    Object.defineProperty(exports, "isBundleWithDsseEnvelope", { enumerable: true, get: function() {
      return bundle_1.isBundleWithDsseEnvelope;
    } });
    Object.defineProperty(exports, "isBundleWithMessageSignature", { enumerable: true, get: function() {
      return bundle_1.isBundleWithMessageSignature;
    } });
    Object.defineProperty(exports, "isBundleWithPublicKey", { enumerable: true, get: function() {
      return bundle_1.isBundleWithPublicKey;
    } });
    var error_1 = require_error4();
    Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function() {
      return error_1.ValidationError;
    } });
    var serialized_1 = require_serialized();
    Object.defineProperty(exports, "bundleFromJSON", { enumerable: true, get: function() {
      return serialized_1.bundleFromJSON;
    } });
    Object.defineProperty(exports, "bundleToJSON", { enumerable: true, get: function() {
      return serialized_1.bundleToJSON;
    } });
    Object.defineProperty(exports, "envelopeFromJSON", { enumerable: true, get: function() {
      return serialized_1.envelopeFromJSON;
    } });
    Object.defineProperty(exports, "envelopeToJSON", { enumerable: true, get: function() {
      return serialized_1.envelopeToJSON;
    } });
    var validate_1 = require_validate();
    Object.defineProperty(exports, "assertBundle", { enumerable: true, get: function() {
      return validate_1.assertBundle;
    } });
    Object.defineProperty(exports, "assertBundleLatest", { enumerable: true, get: function() {
      return validate_1.assertBundleLatest;
    } });
    Object.defineProperty(exports, "assertBundleV01", { enumerable: true, get: function() {
      return validate_1.assertBundleV01;
    } });
    Object.defineProperty(exports, "assertBundleV02", { enumerable: true, get: function() {
      return validate_1.assertBundleV02;
    } });
    Object.defineProperty(exports, "isBundleV01", { enumerable: true, get: function() {
      return validate_1.isBundleV01;
    } });
  }
});

// src/client/index.ts
init_buffer();

// src/client/verify.ts
init_buffer();

// src/lib/basics/errors/errors.ts
init_buffer();
var InputError = class extends Error {
  code;
  constructor(code, message2) {
    super(message2);
    this.name = "InputError";
    this.code = code;
  }
};
var PolicyError = class extends InputError {
  constructor(code, message2) {
    super(code, message2);
    this.name = "PolicyError";
  }
};
var VerificationError = class extends Error {
  /**
   * One of its own codes; or, re-thrown by a wrapper (`carried`: a refused countersigning or
   * rotation, a service's refusal), the code of the failure it re-throws, of whatever class.
   */
  code;
  expected;
  found;
  constructor(code, message2, details = {}) {
    super(message2);
    this.name = "VerificationError";
    this.code = code;
    this.expected = details.expected;
    this.found = details.found;
  }
};
var StrictJsonError = class extends InputError {
  constructor(code, message2) {
    super(code, message2);
    this.name = "StrictJsonError";
  }
};

// src/lib/basics/json/shape.ts
init_buffer();

// src/lib/basics/encoding/base64.ts
init_buffer();
var PADDED = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
function isPaddedBase64(text) {
  return PADDED.test(text);
}
function decodeCanonicalBase64(text) {
  const bytes = Buffer2.from(text, "base64");
  return bytes.toString("base64") === text ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : void 0;
}

// src/lib/basics/json/lines.ts
init_buffer();
function childPath(parent, key) {
  if (typeof key === "number") return `${parent}[${key}]`;
  const name = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  return parent === "" || name.startsWith("[") ? `${parent}${name}` : `${parent}.${name}`;
}
function lineAt(text, offset) {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 && text.charCodeAt(i + 1) !== 10) line++;
  }
  return line;
}
function jsonLines(text, maxDepth = 3) {
  const locate = (path) => {
    const segments = pathSegments(path);
    let pos = skipWs(text, 0);
    let key;
    let depth = 0;
    for (const segment of segments.slice(0, maxDepth)) {
      const found = typeof segment === "number" ? element(text, pos, segment) : member(text, pos, segment);
      if (!found) break;
      pos = found.value;
      key = found.key;
      depth++;
    }
    return { value: pos, key: depth === segments.length ? key : void 0 };
  };
  return {
    valueLine: (path) => lineAt(text, locate(path).value),
    keyLine: (path) => {
      const at = locate(path);
      return lineAt(text, at.key ?? at.value);
    }
  };
}
function pathSegments(path) {
  const segments = [];
  const token = /\.?([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  for (let m = token.exec(path); m; m = token.exec(path)) {
    segments.push(m[1] ?? (m[2] !== void 0 ? Number(m[2]) : JSON.parse(m[3])));
    if (token.lastIndex === path.length) break;
  }
  return segments;
}
function member(text, pos, name) {
  if (text[pos] !== "{") return void 0;
  let p = skipWs(text, pos + 1);
  while (text[p] === '"') {
    const key = p;
    const end = skipString(text, p);
    const raw = text.slice(key, end);
    p = skipWs(text, skipWs(text, end) + 1);
    if ((raw.includes("\\") ? JSON.parse(raw) : raw.slice(1, -1)) === name) return { value: p, key };
    p = next(text, p);
  }
  return void 0;
}
function element(text, pos, index) {
  if (text[pos] !== "[") return void 0;
  let p = skipWs(text, pos + 1);
  for (let i = 0; p < text.length && text[p] !== "]"; i++) {
    if (i === index) return { value: p, key: void 0 };
    p = next(text, p);
  }
  return void 0;
}
function next(text, p) {
  const after = skipWs(text, skipValue(text, p));
  return text[after] === "," ? skipWs(text, after + 1) : after;
}
function skipWs(text, p) {
  let i = p;
  while (i < text.length && " 	\r\n".includes(text[i])) i++;
  return i;
}
function skipString(text, p) {
  let i = p + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
  return i + 1;
}
function skipValue(text, p) {
  const c = text[p];
  if (c === '"') return skipString(text, p);
  if (c === "{" || c === "[") {
    let depth = 0;
    let i2 = p;
    while (i2 < text.length) {
      const d = text[i2];
      if (d === '"') {
        i2 = skipString(text, i2);
        continue;
      }
      if (d === "{" || d === "[") depth++;
      else if (d === "}" || d === "]") depth--;
      i2++;
      if (depth === 0) return i2;
    }
    return i2;
  }
  let i = p;
  while (i < text.length && !",]} 	\r\n".includes(text[i])) i++;
  return i;
}

// src/lib/basics/json/shape.ts
var Shape = class {
  what;
  code;
  unknownFieldCode;
  lines;
  error;
  /**
   * `what` names the document (a file name); `code` is the error code for every failure,
   * `unknownFieldCode` the one for an unknown field when that has its own (the statement's,
   * the policy's).
   */
  constructor(what, code, unknownFieldCode = code, options = {}) {
    this.what = what;
    this.code = code;
    this.unknownFieldCode = unknownFieldCode;
    this.lines = options.lines;
    this.error = options.error ?? ((c, message2) => new InputError(c, message2));
  }
  fail(path, message2) {
    this.failWith(this.code, path, message2);
  }
  /**
   * Fails with a code of its own (the document's semantic checks). With a line locator, the
   * line is the value's at `path`, or with `atKey` the line of the key that names it.
   */
  failWith(code, path, message2, atKey = false) {
    const where = this.lines ? `${this.what}:${atKey ? this.lines.keyLine(path) : this.lines.valueLine(path)}` : this.what;
    throw this.error(code, `${where}: ${path === "" ? "" : `${path}: `}${message2}`);
  }
  /**
   * An object with exactly the `required` keys plus any of the `optional` ones. An unknown
   * field is named in the object (`unknown field "x"`), or, with a line locator, at its own
   * key's line with the fields expected.
   */
  object(value, path, required, optional = []) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      this.fail(path, `expected an object, found ${describe(value)}`);
    }
    const obj = value;
    for (const key of Object.keys(obj)) {
      if (required.includes(key) || optional.includes(key)) continue;
      if (this.lines)
        this.failWith(
          this.unknownFieldCode,
          childPath(path, key),
          `unknown field (expected only: ${[...required, ...optional].join(", ")})`,
          true
        );
      this.failWith(this.unknownFieldCode, path, `unknown field ${JSON.stringify(key)}`);
    }
    for (const key of required) {
      if (!Object.hasOwn(obj, key)) this.fail(path, `missing field ${JSON.stringify(key)}`);
    }
    return obj;
  }
  /** A string of at most `maxLength` characters matching `pattern` (a format of the document). */
  string(value, path, pattern, maxLength = 4096) {
    if (typeof value !== "string") this.fail(path, `expected a string, found ${describe(value)}`);
    if (value.length > maxLength) this.fail(path, `longer than ${maxLength} characters`);
    if (pattern && !pattern.test(value))
      this.fail(path, `expected to match ${pattern.source}, found ${JSON.stringify(value.slice(0, 100))}`);
    return value;
  }
  /** Free text (a name, an identity): a non-empty string of printable characters, at most `maxLength`. */
  text(value, path, maxLength = 4096) {
    if (typeof value !== "string") this.fail(path, `expected a string, found ${describe(value)}`);
    if (value.length === 0) this.fail(path, 'expected a non-empty string, found ""');
    if (value.length > maxLength) this.fail(path, `expected at most ${maxLength} characters, found ${value.length}`);
    if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) this.fail(path, "expected no control characters");
    return value;
  }
  /** A positive safe integer. */
  positiveInteger(value, path) {
    if (!Number.isSafeInteger(value) || value < 1) {
      this.fail(path, `expected a positive integer, found ${describe(value)}`);
    }
    return value;
  }
  /** An integer from `min` to 2^53-1 (the largest the strict JSON parser reads). */
  integer(value, path, min) {
    if (!isSafeInteger(value)) this.fail(path, `expected an integer, found ${describe(value)}`);
    if (value < min) this.fail(path, `expected an integer from ${min} to ${Number.MAX_SAFE_INTEGER}, found ${value}`);
    return value;
  }
  array(value, path, maxItems) {
    if (!Array.isArray(value)) this.fail(path, `expected an array, found ${describe(value)}`);
    if (value.length > maxItems) this.fail(path, `more than ${maxItems} items (${value.length})`);
    return value;
  }
  /** An array of 1 to `maxItems` items. */
  nonEmptyArray(value, path, maxItems) {
    if (!Array.isArray(value)) this.fail(path, `expected an array, found ${describe(value)}`);
    if (value.length === 0) this.fail(path, "expected at least one item, found an empty array");
    if (value.length > maxItems) this.fail(path, `expected at most ${maxItems} items, found ${value.length}`);
    return value;
  }
  /** RFC 3339 UTC with second precision, `YYYY-MM-DDTHH:MM:SSZ` (one spelling per instant). */
  timestamp(value, path) {
    const s = this.text(value, path, 64);
    const date = new Date(s);
    if (Number.isNaN(date.getTime()) || rfc3339(date) !== s || !/^\d{4}-/.test(s)) {
      this.fail(path, `expected an RFC 3339 UTC time like 2026-01-01T00:00:00Z, found ${JSON.stringify(s)}`);
    }
    return date;
  }
  /** Standard base64 (RFC 4648 §4, padded) in its canonical spelling, decoded (basics/encoding/base64.ts). */
  base64(value, path, maxLength = 1 << 20) {
    const s = this.string(value, path, void 0, maxLength);
    const bytes = decodeCanonicalBase64(s);
    if (!bytes)
      this.fail(
        path,
        isPaddedBase64(s) ? "non-canonical base64 (non-zero padding bits)" : "expected standard padded base64"
      );
    return bytes;
  }
};
function isSafeInteger(value) {
  return Number.isSafeInteger(value);
}
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string")
    return `the string ${JSON.stringify(value.length > 60 ? value.slice(0, 60) + "\u2026" : value)}`;
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return `${value}`;
  return typeof value === "object" ? "an object" : typeof value;
}
function rfc3339(date) {
  return date.toISOString().replace(/\.\d{3}Z/, "Z");
}
var SHA256_HEX = /^[0-9a-f]{64}$/;
var KEY_ID = /^sha256:[0-9a-f]{64}$/;

// src/lib/flows/gate/gate.ts
init_buffer();

// src/lib/formats/state/state.ts
init_buffer();

// src/lib/basics/json/strict-json.ts
init_buffer();
var MAX_KEY_BYTES = 256;
var DEFAULT_JSON_LIMITS = { maxBytes: 16 * 1024 * 1024, maxDepth: 64 };
var WS = /* @__PURE__ */ new Set([32, 9, 10, 13]);
var SPECIAL_IN_STRING = /[\\\u0000-\u001f\ud800-\udfff]/;
function parseStrictJson(input, what, limits = DEFAULT_JSON_LIMITS) {
  const size = Buffer2.byteLength(input);
  if (size > limits.maxBytes) {
    throw new StrictJsonError("too-large", `${what}: ${size} bytes is over the limit of ${limits.maxBytes} bytes`);
  }
  let text;
  if (typeof input === "string") {
    text = input;
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(input);
    } catch {
      throw new StrictJsonError("malformed-json", `${what}: not valid UTF-8`);
    }
  }
  new Scanner(text, what, limits).document();
  return JSON.parse(text);
}
var Scanner = class {
  pos = 0;
  text;
  what;
  maxDepth;
  integersOnly;
  maxKeyBytes;
  maxStringBytes;
  maxArrayItems;
  constructor(text, what, limits) {
    this.text = text;
    this.what = what;
    this.maxDepth = limits.maxDepth;
    this.integersOnly = limits.integersOnly === true;
    this.maxKeyBytes = limits.maxKeyBytes ?? MAX_KEY_BYTES;
    this.maxStringBytes = limits.maxStringBytes ?? Infinity;
    this.maxArrayItems = limits.maxArrayItems ?? Infinity;
  }
  document() {
    this.ws();
    this.value(0);
    this.ws();
    if (this.pos !== this.text.length) this.fail("malformed-json", "unexpected data after the JSON value");
  }
  fail(code, message2) {
    throw new StrictJsonError(code, `${this.what}: ${message2} at offset ${this.pos}`);
  }
  ws() {
    while (WS.has(this.text.charCodeAt(this.pos))) this.pos++;
  }
  value(depth) {
    const c = this.text[this.pos];
    if (c === "{") {
      this.object(depth + 1);
      return;
    }
    if (c === "[") {
      this.array(depth + 1);
      return;
    }
    if (c === '"') {
      this.string(this.maxStringBytes, "string-too-long", "string");
      return;
    }
    const code = this.text.charCodeAt(this.pos);
    if (code === 45 || code >= 48 && code <= 57) {
      this.number();
      return;
    }
    for (const lit of ["true", "false", "null"]) {
      if (this.text.startsWith(lit, this.pos)) {
        this.pos += lit.length;
        return;
      }
    }
    this.fail(
      "malformed-json",
      c === void 0 ? "unexpected end of input" : `unexpected character ${JSON.stringify(c)}`
    );
  }
  /** Past the opening bracket; true (and past `close` too) when the object or array is empty. */
  enter(depth, close) {
    if (depth > this.maxDepth) this.fail("too-deep", `nesting deeper than ${this.maxDepth} levels`);
    this.pos++;
    this.ws();
    if (this.text[this.pos] !== close) return false;
    this.pos++;
    return true;
  }
  /** After a member or an element: true past `close`, false past the ',' before the next one. */
  closes(close) {
    this.ws();
    const c = this.text[this.pos++];
    if (c === close) return true;
    if (c !== ",") this.fail("malformed-json", `expected ',' or '${close}'`);
    this.ws();
    return false;
  }
  object(depth) {
    const keys = /* @__PURE__ */ new Set();
    if (this.enter(depth, "}")) return;
    for (; ; ) {
      if (this.text[this.pos] !== '"') this.fail("malformed-json", "expected a string key");
      const keyStart = this.pos;
      const key = this.string(this.maxKeyBytes, "key-too-long", "key");
      if (keys.has(key)) {
        this.pos = keyStart;
        this.fail("duplicate-key", `duplicate key ${JSON.stringify(key)}`);
      }
      keys.add(key);
      this.ws();
      if (this.text[this.pos] !== ":") this.fail("malformed-json", "expected ':'");
      this.pos++;
      this.ws();
      this.value(depth);
      if (this.closes("}")) return;
    }
  }
  array(depth) {
    if (this.enter(depth, "]")) return;
    for (let items = 1; ; items++) {
      if (items > this.maxArrayItems) this.fail("too-many-items", `an array of more than ${this.maxArrayItems} items`);
      this.value(depth);
      if (this.closes("]")) return;
    }
  }
  /** Scans a string token and returns its decoded value, at most `maxBytes` UTF-8 bytes (else `tooLongCode`). */
  string(maxBytes, tooLongCode, noun) {
    const start = this.pos;
    this.pos++;
    const close = this.text.indexOf('"', this.pos);
    if (close >= 0 && !SPECIAL_IN_STRING.test(this.text.slice(this.pos, close))) {
      this.pos = close + 1;
      return this.checkedLength(this.text.slice(start + 1, close), start, maxBytes, tooLongCode, noun);
    }
    for (; ; ) {
      const code = this.text.charCodeAt(this.pos);
      if (Number.isNaN(code)) this.fail("malformed-json", "unterminated string");
      if (code === 34) break;
      if (code < 32) this.fail("malformed-json", "control character in string");
      if (code === 92) {
        const e = this.text[this.pos + 1];
        const oneCharacterEscape = e !== void 0 && '"\\/bfnrt'.includes(e);
        if (e === "u") {
          if (!/[0-9a-fA-F]{4}/.test(this.text.slice(this.pos + 2, this.pos + 6)))
            this.fail("malformed-json", "bad \\u escape");
          this.pos += 6;
        } else if (oneCharacterEscape) {
          this.pos += 2;
        } else {
          this.fail("malformed-json", "bad escape in string");
        }
        continue;
      }
      this.pos++;
    }
    this.pos++;
    const decoded = JSON.parse(this.text.slice(start, this.pos));
    if (!decoded.isWellFormed()) {
      this.pos = start;
      this.fail("malformed-json", "lone UTF-16 surrogate in string");
    }
    return this.checkedLength(decoded, start, maxBytes, tooLongCode, noun);
  }
  /** `decoded` (the string token at `start`) if at most `maxBytes` UTF-8 bytes; else fails with `tooLongCode`. */
  checkedLength(decoded, start, maxBytes, tooLongCode, noun) {
    if (decoded.length * 3 > maxBytes) {
      const bytes = Buffer2.byteLength(decoded);
      if (bytes > maxBytes) {
        this.pos = start;
        this.fail(
          tooLongCode,
          `${noun} of ${bytes} bytes is over the limit of ${maxBytes} bytes (it starts ${JSON.stringify(decoded.slice(0, 20))})`
        );
      }
    }
    return decoded;
  }
  number() {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!m) this.fail("malformed-json", "bad number");
    const n = Number(m[0]);
    if (!Number.isFinite(n)) this.fail("number-out-of-range", `number ${m[0].slice(0, 40)} is not finite`);
    if (this.integersOnly && (m[2] || m[3]) && Number.isInteger(n)) {
      this.fail(
        "number-out-of-range",
        `number ${m[0].slice(0, 40)} is an integer spelled with a fraction or exponent (integers only here)`
      );
    }
    if (!m[2] && !m[3] && !Number.isSafeInteger(n)) {
      this.fail("number-out-of-range", `integer ${m[0].slice(0, 40)} is outside \xB1(2^53-1)`);
    }
    this.pos += m[0].length;
  }
};

// src/lib/formats/core/stream.ts
init_buffer();
var STREAM_PATTERN = /^[A-Za-z0-9._/-]+:[A-Za-z0-9._-]+$/;
var MAX_STREAM_LENGTH = 200;
function isValidStream(stream) {
  return stream.length <= MAX_STREAM_LENGTH && STREAM_PATTERN.test(stream);
}

// src/lib/formats/state/state.ts
var STATE_MEDIA_TYPE = "application/vnd.countersign.state.v1+json";
var MAX_STATE_BYTES = 1024 * 1024;
var MAX_STREAMS = 1e4;
function emptyState() {
  return { streams: {} };
}
function parseState(bytes, what) {
  const s = new Shape(what, "state-malformed");
  const o = s.object(
    parseStrictJson(bytes, what, { maxBytes: MAX_STATE_BYTES, maxDepth: 8, integersOnly: true }),
    "$",
    ["mediaType", "streams"],
    ["policyVersion"]
  );
  if (o.mediaType !== STATE_MEDIA_TYPE)
    s.fail("$.mediaType", `expected ${STATE_MEDIA_TYPE}, found ${JSON.stringify(o.mediaType)}`);
  const streams = s.object(o.streams, "$.streams", [], Object.keys(o.streams ?? {}));
  if (Object.keys(streams).length > MAX_STREAMS) s.fail("$.streams", `more than ${MAX_STREAMS} streams`);
  const out = /* @__PURE__ */ Object.create(null);
  for (const [name, value] of Object.entries(streams)) {
    if (!isValidStream(name)) s.fail(`$.streams`, `invalid stream name ${JSON.stringify(name)}`);
    const e = s.object(value, `$.streams[${JSON.stringify(name)}]`, ["version", "statementDigest"]);
    out[name] = {
      version: s.positiveInteger(e.version, `$.streams[${JSON.stringify(name)}].version`),
      statementDigest: s.string(e.statementDigest, `$.streams[${JSON.stringify(name)}].statementDigest`, SHA256_HEX)
    };
  }
  return Object.hasOwn(o, "policyVersion") ? { policyVersion: s.positiveInteger(o.policyVersion, "$.policyVersion"), streams: out } : { streams: out };
}
function serializeState(state) {
  const streams = Object.fromEntries(
    Object.keys(state.streams).sort().map((name) => [name, state.streams[name]])
  );
  return JSON.stringify({ mediaType: STATE_MEDIA_TYPE, policyVersion: state.policyVersion, streams }, null, 2) + "\n";
}
function recordAccepted(state, stream, version, statementDigest, policyVersion) {
  const recorded = recordPolicyVersion(state, policyVersion);
  return { ...recorded, streams: { ...state.streams, [stream]: { version, statementDigest } } };
}
function recordPolicyVersion(state, policyVersion) {
  const highest = Math.max(state.policyVersion ?? 0, policyVersion ?? 0);
  return highest > 0 ? { policyVersion: highest, streams: state.streams } : { streams: state.streams };
}

// src/lib/pipeline/run.ts
init_buffer();

// src/lib/formats/policy/document.ts
init_buffer();

// src/lib/basics/crypto/sha256.ts
init_buffer();
init_node_crypto();
function sha256Hex(data) {
  return createHash("sha256").update(data).digest("hex");
}

// src/lib/formats/policy/parse.ts
init_buffer();

// src/lib/formats/core/types.ts
init_buffer();
var STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
var PREDICATE_TYPE = "https://countersign.dev/TrustStatement/v1";
var INTOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
var BUNDLE_MEDIA_TYPE = "application/vnd.countersign.bundle.v1+json";
var COUNTERSIGNATURE_PAYLOAD_TYPE = "application/vnd.countersign.countersignature.v1+json";
var COUNTERSIGNATURE_TYPE = "https://countersign.dev/Countersignature/v1";
var POLICY_MEDIA_TYPE = "application/vnd.countersign.policy.v1+json";
var KINDS = ["binary-digest", "fleet-key", "authority-rotation", "config-change"];

// src/lib/formats/policy/identity.ts
init_buffer();

// src/lib/formats/policy/types.ts
init_buffer();
var GITHUB_CLAIM_NAMES = [
  "repository",
  "repositoryId",
  "repositoryOwner",
  "repositoryOwnerId",
  "ref",
  "runnerEnvironment",
  "eventName"
];
var SOURCE_REPOSITORY_CLAIMS = [
  "repository",
  "repositoryId",
  "repositoryOwnerId"
];
var POLICY_DEFAULT_LIMITS = Object.freeze({
  maxBundleBytes: 4 * 1024 * 1024,
  maxSubjects: 1e5,
  maxStatementLifetimeSeconds: 90 * 24 * 3600,
  clockSkewSeconds: 300,
  maxVersionStep: 1e3
});
var POLICY_LIMIT_RANGES = Object.freeze({
  maxBundleBytes: [1024, 64 * 1024 * 1024],
  maxSubjects: [1, 1e6],
  maxStatementLifetimeSeconds: [60, 366 * 24 * 3600],
  clockSkewSeconds: [0, 3600],
  // At most a million: from the highest first version (2^45) a stream still has about 9·10^9
  // versions at the largest step, 9·10^12 at the default (spec/POLICY.md §3.9).
  maxVersionStep: [1, 1e6]
});
var MAX_POLICY_BYTES = 1024 * 1024;
var MAX_POLICY_STRING_BYTES = 64 * 1024;
var MAX_COUNTERSIGNERS = 256;
var MAX_STREAMS2 = 1e3;

// src/lib/formats/policy/identity.ts
var MAX_PATTERN_LENGTH = 1024;
var CLAIM_FORMATS = {
  repository: { pattern: /^[^/\s]+\/[^/\s]+$/, expected: "owner/name" },
  repositoryId: { pattern: /^[0-9]+$/, expected: "a numeric id" },
  repositoryOwner: { pattern: /^[^/\s]+$/, expected: 'an owner name without "/"' },
  repositoryOwnerId: { pattern: /^[0-9]+$/, expected: "a numeric id" },
  ref: { pattern: /^refs\/\S+$/, expected: "a full ref like refs/heads/main or refs/tags/v1" },
  runnerEnvironment: { pattern: /^(?:github-hosted|self-hosted)$/, expected: "github-hosted or self-hosted" },
  eventName: { pattern: /^[a-z_]+$/, expected: "a GitHub event name like push or workflow_dispatch" }
};
function readPrimary(r, value, path) {
  const obj = r.object(
    value,
    path,
    ["issuer"],
    ["identity", "identityPattern", "githubClaims", "unsafeNoSourceRepositoryPin"]
  );
  const issuer = readIssuer(r, obj.issuer, childPath(path, "issuer"));
  const hasIdentity = Object.hasOwn(obj, "identity");
  const hasPattern = Object.hasOwn(obj, "identityPattern");
  if (hasIdentity && hasPattern) {
    r.failWith(
      "policy-ambiguous",
      childPath(path, "identityPattern"),
      'expected exactly one of "identity" (exact) or "identityPattern" (regular expression), found both',
      true
    );
  }
  if (!hasIdentity && !hasPattern) {
    r.failWith(
      "policy-malformed",
      path,
      'missing field "identity" (or, to match a regular expression, "identityPattern")'
    );
  }
  const result = { issuer };
  if (hasIdentity) result.identity = r.text(obj.identity, childPath(path, "identity"));
  if (hasPattern) {
    const p = childPath(path, "identityPattern");
    const pattern = r.text(obj.identityPattern, p, MAX_PATTERN_LENGTH);
    const problem = anchoredPatternProblem(pattern);
    if (problem) r.failWith("policy-bad-pattern", p, problem);
    result.identityPattern = pattern;
  }
  if (Object.hasOwn(obj, "githubClaims"))
    result.githubClaims = readGithubClaims(r, obj.githubClaims, childPath(path, "githubClaims"));
  readSourceRepositoryPin(r, obj, path, result);
  return result;
}
function readSourceRepositoryPin(r, obj, path, result) {
  const missing = SOURCE_REPOSITORY_CLAIMS.filter((claim) => result.githubClaims?.[claim] === void 0);
  if (Object.hasOwn(obj, "unsafeNoSourceRepositoryPin")) {
    const p = childPath(path, "unsafeNoSourceRepositoryPin");
    if (obj.unsafeNoSourceRepositoryPin !== true)
      r.failWith(
        "policy-malformed",
        p,
        `expected true (or no such field, and the source repository pinned), found ${describe(obj.unsafeNoSourceRepositoryPin)}`
      );
    if (missing.length === 0)
      r.failWith(
        "policy-ambiguous",
        p,
        'expected either the source-repository pin or "unsafeNoSourceRepositoryPin": true, found both'
      );
    result.unsafeNoSourceRepositoryPin = true;
    return;
  }
  if (missing.length > 0) {
    r.failWith(
      "policy-source-repository-unpinned",
      result.githubClaims ? childPath(path, "githubClaims") : path,
      `expected the source repository pinned (githubClaims ${SOURCE_REPOSITORY_CLAIMS.join(", ")}: any repository calling the workflow gets its identity), missing ${missing.join(", ")}; to accept that, "unsafeNoSourceRepositoryPin": true`
    );
  }
}
function readIssuer(r, value, path) {
  const issuer = r.text(value, path, 1024);
  let url;
  try {
    url = new URL(issuer);
  } catch {
  }
  if (!url || url.protocol !== "https:" || /[\s?#@]/.test(issuer)) {
    r.failWith(
      "policy-malformed",
      path,
      `expected an https URL like https://token.actions.githubusercontent.com, found ${JSON.stringify(issuer)}`
    );
  }
  return issuer;
}
function readGithubClaims(r, value, path) {
  const obj = r.object(value, path, [], GITHUB_CLAIM_NAMES);
  const claims = {};
  for (const name of GITHUB_CLAIM_NAMES) {
    if (!Object.hasOwn(obj, name)) continue;
    const p = childPath(path, name);
    const claim = r.text(obj[name], p, 256);
    const format = CLAIM_FORMATS[name];
    if (!format.pattern.test(claim))
      r.failWith("policy-malformed", p, `expected ${format.expected}, found ${JSON.stringify(claim)}`);
    claims[name] = claim;
  }
  return claims;
}
function anchoredPatternProblem(pattern) {
  try {
    new RegExp(pattern, "u");
  } catch (err) {
    return `expected a regular expression that compiles with the u flag, found ${JSON.stringify(pattern)} (${err instanceof Error ? err.message : String(err)})`;
  }
  if (!pattern.startsWith("^")) return `expected an anchored pattern starting with ^, found ${JSON.stringify(pattern)}`;
  let depth = 0;
  let inClass = false;
  let endsWithAnchor = false;
  let topLevelAlternation = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    endsWithAnchor = false;
    if (c === "\\") {
      i++;
    } else if (inClass) {
      if (c === "]") inClass = false;
    } else if (c === "[") {
      inClass = true;
    } else if (c === "(") {
      depth++;
    } else if (c === ")") {
      depth--;
    } else if (c === "|" && depth === 0) {
      topLevelAlternation = true;
    } else if (c === "$") {
      endsWithAnchor = true;
    }
  }
  if (!endsWithAnchor)
    return `expected an anchored pattern ending with an unescaped $, found ${JSON.stringify(pattern)}`;
  if (topLevelAlternation)
    return `expected no top-level | (it escapes the anchors; write ^(?:a|b)$), found ${JSON.stringify(pattern)}`;
  return void 0;
}
function compileIdentityPattern(pattern, what) {
  const problem = typeof pattern === "string" ? anchoredPatternProblem(pattern) : `expected an anchored regular expression, found ${describe(pattern)}`;
  if (problem !== void 0) throw new PolicyError("policy-bad-pattern", `${what}: ${problem}`);
  return new RegExp(`^(?:${pattern})$`, "u");
}

// src/lib/formats/policy/countersigners.ts
init_buffer();

// src/lib/basics/crypto/ed25519-keys.ts
init_buffer();
init_node_crypto();

// src/lib/basics/crypto/ed25519.ts
init_buffer();
init_ed25519();
init_node_crypto();
hashes.sha512 = (message2) => {
  const digest = createHash("sha512").update(message2).digest();
  const out = new Uint8Array(new ArrayBuffer(digest.length));
  out.set(digest);
  return out;
};
var ED25519_PUBLIC_KEY_LENGTH = 32;
var ED25519_SIGNATURE_LENGTH = 64;
var L = 2n ** 252n + 27742317777372353535851937790883648493n;
var ED25519_SPKI_PREFIX = Buffer2.from("302a300506032b6570032100", "hex");
function verifyEd25519Strict(signature, message2, publicKey) {
  if (!isBytes4(signature) || signature.length !== ED25519_SIGNATURE_LENGTH) return false;
  if (!isBytes4(publicKey) || publicKey.length !== ED25519_PUBLIC_KEY_LENGTH) return false;
  if (!isBytes4(message2)) return false;
  try {
    if (!isReducedScalar(signature.subarray(32))) return false;
    if (!isStrictNonSmallOrderPoint(publicKey)) return false;
    if (!isStrictNonSmallOrderPoint(signature.subarray(0, 32))) return false;
    const key = createPublicKey({ key: Buffer2.concat([ED25519_SPKI_PREFIX, publicKey]), format: "der", type: "spki" });
    return verify(null, message2, key, signature);
  } catch {
    return false;
  }
}
function isStrictNonSmallOrderPoint(encoding) {
  if (!isBytes4(encoding) || encoding.length !== 32) return false;
  try {
    return !Point.fromBytes(encoding, false).isSmallOrder();
  } catch {
    return false;
  }
}
function isPrimeOrderPoint(encoding) {
  if (!isBytes4(encoding) || encoding.length !== 32) return false;
  try {
    const point = Point.fromBytes(encoding, false);
    return !point.is0() && point.isTorsionFree();
  } catch {
    return false;
  }
}
function isReducedScalar(scalar) {
  return isBytes4(scalar) && scalar.length === 32 && BigInt(`0x${Buffer2.from(scalar).reverse().toString("hex")}`) < L;
}
function isBytes4(value) {
  return value instanceof Uint8Array;
}

// src/lib/basics/crypto/describe-key.ts
init_buffer();
function describeKey(key) {
  const type = key.asymmetricKeyType ?? "unknown";
  const details = key.asymmetricKeyDetails ?? {};
  if (type === "ec") {
    const curves = { prime256v1: "P-256", secp384r1: "P-384", secp521r1: "P-521" };
    const curve = details.namedCurve ?? "unknown-curve";
    return `an EC ${curves[curve] ?? curve} key`;
  }
  if (type === "rsa" || type === "rsa-pss") return `an ${type.toUpperCase()} ${details.modulusLength ?? "?"}-bit key`;
  const names = {
    ed448: "an Ed448 key",
    x25519: "an X25519 key",
    x448: "an X448 key",
    dsa: "a DSA key",
    dh: "a DH key"
  };
  return names[type] ?? `a key of type ${type}`;
}

// src/lib/basics/crypto/ed25519-keys.ts
var MAX_PUBLIC_KEY_PEM_BYTES = 4096;
var ED25519_PKCS8_PREFIX = Buffer2.from("302e020100300506032b657004220420", "hex");
function keyIdOf(rawPublicKey) {
  if (!(rawPublicKey instanceof Uint8Array) || rawPublicKey.length !== 32) {
    throw new InputError(
      "key-invalid",
      `key id: expected a raw 32-byte Ed25519 public key, found ${rawPublicKey instanceof Uint8Array ? `${rawPublicKey.length} bytes` : describe(rawPublicKey)}`
    );
  }
  return `sha256:${sha256Hex(rawPublicKey)}`;
}
function parsePublicKeyPem(pem, what) {
  const der = decodeSinglePem(pem, what, "PUBLIC KEY", MAX_PUBLIC_KEY_PEM_BYTES);
  let key;
  try {
    key = createPublicKey({ key: der, format: "der", type: "spki" });
  } catch {
    throw new InputError(
      "key-encoding",
      `${what}: expected an Ed25519 SPKI public key, found DER that is not a SubjectPublicKeyInfo`
    );
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw new InputError("key-algorithm", `${what}: expected an Ed25519 SPKI public key, found ${describeKey(key)}`);
  }
  if (der.length !== ED25519_SPKI_PREFIX.length + 32 || !der.subarray(0, ED25519_SPKI_PREFIX.length).equals(ED25519_SPKI_PREFIX)) {
    throw new InputError(
      "key-encoding",
      `${what}: expected the RFC 8410 DER encoding of an Ed25519 public key (44 bytes), found another encoding (${der.length} bytes)`
    );
  }
  const raw = new Uint8Array(der.subarray(ED25519_SPKI_PREFIX.length));
  if (!isPrimeOrderPoint(raw)) {
    throw new InputError(
      "key-invalid",
      `${what}: expected a canonical Ed25519 public key of prime order, found a non-canonical, small-order or mixed-order point that must not be pinned`
    );
  }
  return raw;
}
function decodeSinglePem(pem, what, label, maxBytes) {
  if (typeof pem !== "string") throw new InputError("key-pem", `${what}: expected PEM text, found ${describe(pem)}`);
  if (pem.length > maxBytes)
    throw new InputError(
      "key-too-large",
      `${what}: expected a key PEM of at most ${maxBytes} bytes, found ${pem.length}`
    );
  const labels = [...pem.matchAll(/-----BEGIN ([^\r\n-]*)-----/g)].map((m2) => m2[1]);
  if (labels.length === 0)
    throw new InputError("key-pem", `${what}: expected a PEM block "-----BEGIN ${label}-----", found no PEM block`);
  if (labels.length > 1)
    throw new InputError(
      "key-pem",
      `${what}: expected exactly one PEM block "${label}", found ${labels.length} (${labels.join(", ")})`
    );
  const found = labels[0];
  if (found === "ENCRYPTED PRIVATE KEY") {
    throw new InputError(
      "key-encrypted",
      `${what}: expected an unencrypted PKCS#8 "PRIVATE KEY", found an encrypted one; decrypt it (e.g. 'openssl pkey -in KEY -out NEW') and protect the file with mode 0600 or a secret store instead`
    );
  }
  if (found !== label) throw new InputError("key-pem", `${what}: expected a PEM block "${label}", found "${found}"`);
  const m = new RegExp(
    `^\\s*-----BEGIN ${label}-----\\r?\\n((?:[A-Za-z0-9+/=]+\\r?\\n)+)-----END ${label}-----\\s*$`
  ).exec(pem);
  if (!m)
    throw new InputError(
      "key-pem",
      `${what}: expected base64 lines between "-----BEGIN ${label}-----" and "-----END ${label}-----" and nothing but whitespace around them`
    );
  const body = m[1].replace(/\r?\n/g, "");
  const der = decodeCanonicalBase64(body);
  if (!der)
    throw new InputError("key-pem", `${what}: expected canonical base64 in the PEM block, found malformed base64`);
  return Buffer2.from(der);
}

// src/lib/formats/log/note-format.ts
init_buffer();
var MAX_NOTE_BYTES = 16 * 1024;
function isValidKeyName(name) {
  return name.length > 0 && name.length <= 256 && !/[\s+]/u.test(name) && !/\p{Cc}/u.test(name);
}
function parseNoteSignatureLine(line) {
  const m = /^— (\S+) ([A-Za-z0-9+/]+=*)$/u.exec(line);
  if (!m) return "line";
  const [, name = "", encoded = ""] = m;
  const blob = decodeCanonicalBase64(encoded);
  return blob && blob.length >= 5 ? { name, blob } : "encoding";
}

// src/lib/formats/policy/diff-text.ts
init_buffer();
function quote(text) {
  return `"${escapeUnusual(text.replace(/[\\"]/g, (c) => `\\${c}`))}"`;
}
function escapeUnusual(text) {
  return text.replace(/[^\x20-\x7e]/gu, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}

// src/lib/formats/policy/witnesses.ts
init_buffer();

// src/lib/basics/crypto/bytes.ts
init_buffer();
function equalBytes(a, b) {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 256);
  return difference === 0;
}

// src/lib/formats/log/cosignature.ts
init_buffer();
init_node_crypto();
var COSIGNATURE_V1_TYPE = 4;
var COSIGNATURE_V1_BYTES = 4 + 8 + 64;
function cosignerKeyHash(name, rawPublicKey) {
  const digest = createHash("sha256").update(name, "utf8").update(Buffer2.from([10, COSIGNATURE_V1_TYPE])).update(rawPublicKey).digest();
  return new Uint8Array(digest.subarray(0, 4));
}
function parseCosignerKey(vkey) {
  if (vkey.length > 512) return { problem: "longer than 512 characters" };
  const m = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/.exec(vkey);
  if (!m) return { problem: "not of the form <name>+<8 lowercase hex>+<base64 key>" };
  const [, name = "", hash = "", key = ""] = m;
  if (!isValidKeyName(name)) return { problem: `invalid key name ${JSON.stringify(name)}` };
  const raw = decodeCanonicalBase64(key);
  if (raw?.length !== 33 || raw[0] !== COSIGNATURE_V1_TYPE)
    return { problem: "not an Ed25519 cosignature/v1 key (type 0x04 and 32 bytes)" };
  const rawPublicKey = new Uint8Array(raw.subarray(1));
  if (Buffer2.from(cosignerKeyHash(name, rawPublicKey)).toString("hex") !== hash)
    return { problem: "the key hash does not match the name and key" };
  return { name, rawPublicKey };
}
function cosignatureMessage(timestamp, checkpointText) {
  return new TextEncoder().encode(`cosignature/v1
time ${timestamp}
${checkpointText}`);
}
function decodeCosignatureBlob(blob) {
  if (blob.length !== COSIGNATURE_V1_BYTES) return void 0;
  const time = new DataView(blob.buffer, blob.byteOffset, blob.byteLength).getBigUint64(4);
  if (time > BigInt(Number.MAX_SAFE_INTEGER)) return void 0;
  return { keyHash: blob.subarray(0, 4), timestamp: Number(time), signature: blob.subarray(12) };
}

// src/lib/formats/policy/witnesses.ts
var MAX_WITNESSES = 32;
var WITNESS_MAX_AGE_RANGE = [60, 366 * 24 * 3600];
function readWitnesses(r, value, path) {
  const obj = r.object(value, path, ["threshold", "keys"], ["maxAgeSeconds"]);
  const keysPath = childPath(path, "keys");
  const items = r.nonEmptyArray(obj.keys, keysPath, MAX_WITNESSES);
  const witnesses = [];
  items.forEach((item, i) => {
    const at = childPath(keysPath, i);
    const vkey = r.text(item, at, 512);
    const parsed = parseCosignerKey(vkey);
    if ("problem" in parsed)
      r.failWith(
        "policy-bad-key",
        at,
        `expected a witness verifier key <name>+<8 hex>+<base64 of 0x04 and a 32-byte Ed25519 key>: ${parsed.problem}`
      );
    const sameName = witnesses.findIndex((w) => w.name === parsed.name);
    if (sameName >= 0)
      r.failWith(
        "policy-duplicate-entry",
        at,
        `expected each witness name once, found ${JSON.stringify(parsed.name)} again (first at ${childPath(keysPath, sameName)})`
      );
    const sameKey = witnesses.findIndex((w) => equalBytes(w.rawPublicKey, parsed.rawPublicKey));
    if (sameKey >= 0)
      r.failWith(
        "policy-duplicate-entry",
        at,
        `expected each witness public key once (a cosignature does not name its witness), found the key of ${childPath(keysPath, sameKey)} again`
      );
    witnesses.push(parsed);
  });
  const thresholdPath = childPath(path, "threshold");
  if (!isSafeInteger(obj.threshold) || obj.threshold < 1 || obj.threshold > witnesses.length)
    r.failWith(
      "policy-threshold",
      thresholdPath,
      `expected an integer from 1 to ${witnesses.length} (the number of witness keys), found ${describe(obj.threshold)}`
    );
  const requirement = {
    threshold: obj.threshold,
    witnesses
  };
  if (Object.hasOwn(obj, "maxAgeSeconds")) {
    const [min, max] = WITNESS_MAX_AGE_RANGE;
    const agePath = childPath(path, "maxAgeSeconds");
    if (!isSafeInteger(obj.maxAgeSeconds) || obj.maxAgeSeconds < min || obj.maxAgeSeconds > max)
      r.failWith(
        "policy-limit-out-of-range",
        agePath,
        `expected an integer from ${min} to ${max} seconds, found ${describe(obj.maxAgeSeconds)}`
      );
    requirement.maxAgeSeconds = obj.maxAgeSeconds;
  }
  return requirement;
}

// src/lib/formats/policy/countersigners.ts
var AMBIGUOUS = (found, first) => `${quote(found)} and ${quote(first)} (names that differ only in letter case, spaces, punctuation or the look-alikes 0/O, 1/I/l, rn/m, vv/w, cl/d are one organisation)`;
var COUNTERSIGNER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
var ORGANISATION_NAME = /^[A-Za-z0-9.,&'()_-]+(?: [A-Za-z0-9.,&'()_-]+)*$/;
function organisationProblem(organisation) {
  if (ORGANISATION_NAME.test(organisation) && /[A-Za-z0-9]/.test(organisation)) return void 0;
  return `expected an organisation name of ASCII letters and digits, with single spaces between words and no other characters than . , - _ & ' ( ), found ${quote(organisation)}`;
}
function organisationFold(organisation) {
  return organisation.toLowerCase().replace(/[^a-z0-9]/g, "").replace(/[1i]/g, "l").replace(/0/g, "o").replace(/rn/g, "m").replace(/vv/g, "w").replace(/cl/g, "d");
}
function readCountersigners(r, value, path) {
  const items = r.nonEmptyArray(value, path, MAX_COUNTERSIGNERS);
  const keys = [];
  const names = /* @__PURE__ */ new Map();
  const keyIds = /* @__PURE__ */ new Map();
  const organisations = /* @__PURE__ */ new Map();
  items.forEach((item, i) => {
    const at = childPath(path, i);
    const key = readCountersigner(r, item, at);
    const sameName = names.get(key.name);
    if (sameName !== void 0)
      r.failWith(
        "policy-duplicate-entry",
        childPath(at, "name"),
        `expected a unique name, found ${JSON.stringify(key.name)} again (first at ${childPath(path, sameName)})`
      );
    names.set(key.name, i);
    const sameKey = keyIds.get(key.keyId);
    if (sameKey !== void 0)
      r.failWith(
        "policy-duplicate-entry",
        childPath(at, "publicKey"),
        `expected each key once, found the key ${key.keyId} again (first at ${childPath(path, sameKey)})`
      );
    keyIds.set(key.keyId, i);
    const folded = organisationFold(key.organisation);
    const spelled = organisations.get(folded);
    if (spelled !== void 0 && spelled !== key.organisation) {
      r.failWith(
        "policy-ambiguous",
        childPath(at, "organisation"),
        `expected one spelling per organisation, found ${AMBIGUOUS(key.organisation, spelled)}`
      );
    }
    organisations.set(folded, key.organisation);
    keys.push(key);
  });
  checkWitnessKeysApart(r, keys, path);
  return keys;
}
function checkWitnessKeysApart(r, keys, path) {
  checkWitnessKeysApartAcross(r, [{ keys, path }]);
}
function checkWitnessKeysApartAcross(r, lists) {
  const pinned2 = [];
  for (const { keys, path } of lists)
    keys.forEach((k, i) => {
      pinned2.push({ raw: k.rawPublicKey, at: childPath(childPath(path, i), "publicKey") });
      if (k.log)
        pinned2.push({ raw: k.log.rawPublicKey, at: childPath(childPath(childPath(path, i), "log"), "publicKey") });
    });
  for (const { keys, path } of lists)
    keys.forEach((k, i) => {
      k.log?.witnesses?.witnesses.forEach((w, j) => {
        const same = pinned2.find((p) => equalBytes(p.raw, w.rawPublicKey));
        if (same)
          r.failWith(
            "policy-bad-key",
            childPath(childPath(childPath(childPath(childPath(path, i), "log"), "witnesses"), "keys"), j),
            `expected a witness key that is not a countersigner or log key of this policy (the log's operator would witness itself), found the key of ${same.at}`
          );
      });
    });
}
function readCountersigner(r, value, path) {
  const obj = r.object(value, path, ["name", "organisation", "keyId", "publicKey"], ["validFrom", "validUntil", "log"]);
  const namePath = childPath(path, "name");
  const name = r.text(obj.name, namePath, 64);
  if (!COUNTERSIGNER_NAME.test(name))
    r.failWith(
      "policy-malformed",
      namePath,
      `expected letters, digits, '.', '_' or '-' (at most 64), found ${JSON.stringify(name)}`
    );
  const orgPath = childPath(path, "organisation");
  const organisation = r.text(obj.organisation, orgPath, 200);
  const problem = organisationProblem(organisation);
  if (problem !== void 0) r.failWith("policy-bad-organisation", orgPath, problem);
  const rawPublicKey = readPublicKey(r, obj.publicKey, childPath(path, "publicKey"));
  const expectedKeyId = keyIdOf(rawPublicKey);
  const idPath = childPath(path, "keyId");
  const keyId = r.text(obj.keyId, idPath, 71);
  if (!KEY_ID.test(keyId))
    r.failWith(
      "policy-malformed",
      idPath,
      `expected sha256: and 64 lowercase hex digits, found ${JSON.stringify(keyId)}`
    );
  if (keyId !== expectedKeyId)
    r.failWith("policy-key-mismatch", idPath, `expected sha256 of the public key (${expectedKeyId}), found ${keyId}`);
  const key = {
    name,
    organisation,
    keyId,
    publicKey: obj.publicKey,
    rawPublicKey
  };
  if (Object.hasOwn(obj, "validFrom")) key.validFrom = r.timestamp(obj.validFrom, childPath(path, "validFrom"));
  if (Object.hasOwn(obj, "validUntil")) key.validUntil = r.timestamp(obj.validUntil, childPath(path, "validUntil"));
  if (key.validFrom && key.validUntil && key.validFrom.getTime() >= key.validUntil.getTime()) {
    r.failWith(
      "policy-validity-window",
      childPath(path, "validUntil"),
      `expected a time after validFrom (${obj.validFrom}), found ${obj.validUntil}`
    );
  }
  if (Object.hasOwn(obj, "log")) key.log = readLog(r, obj.log, childPath(path, "log"));
  return key;
}
function readLog(r, value, path) {
  const obj = r.object(value, path, ["origin", "publicKey"], ["witnesses"]);
  const originPath = childPath(path, "origin");
  const origin = r.text(obj.origin, originPath, 256);
  if (!isValidKeyName(origin))
    r.failWith(
      "policy-malformed",
      originPath,
      `expected a log origin without spaces or '+' (e.g. countersign.example.org/b-release), found ${JSON.stringify(origin)}`
    );
  const rawPublicKey = readPublicKey(r, obj.publicKey, childPath(path, "publicKey"));
  const log = { origin, publicKey: obj.publicKey, rawPublicKey };
  return Object.hasOwn(obj, "witnesses") ? { ...log, witnesses: readWitnesses(r, obj.witnesses, childPath(path, "witnesses")) } : log;
}
function readPublicKey(r, value, path) {
  const pem = typeof value === "string" ? value : r.text(value, path);
  try {
    return parsePublicKeyPem(pem, path);
  } catch (err) {
    r.failWith("policy-bad-key", path, err instanceof Error ? err.message.slice(path.length + 2) : String(err));
  }
}
function readThreshold(r, value, path, keys) {
  if (!isSafeInteger(value) || value < 1) {
    r.failWith("policy-threshold", path, `expected an integer of at least 1, found ${describe(value)}`);
  }
  const organisations = new Set(keys.map((k) => k.organisation));
  if (value > organisations.size) {
    r.failWith(
      "policy-threshold",
      path,
      `expected at most ${organisations.size} (the threshold counts distinct organisations: ${[...organisations].join(", ")}), found ${value}`
    );
  }
  return value;
}

// src/lib/formats/policy/fallback.ts
init_buffer();
function readFallback(r, value, path, countersigners, kinds) {
  const obj = r.object(value, path, ["countersigners", "threshold"]);
  const keysPath = childPath(path, "countersigners");
  const keys = readCountersigners(r, obj.countersigners, keysPath);
  const threshold = readThreshold(r, obj.threshold, childPath(path, "threshold"), keys);
  const names = new Map(countersigners.map((k, i) => [k.name, i]));
  const ids = new Map(countersigners.map((k, i) => [k.keyId, i]));
  const spellings = new Map(countersigners.map((k) => [organisationFold(k.organisation), k.organisation]));
  keys.forEach((key, i) => {
    const at = childPath(keysPath, i);
    const sameName = names.get(key.name);
    if (sameName !== void 0)
      r.failWith(
        "policy-duplicate-entry",
        childPath(at, "name"),
        `expected a name not used by countersigners, found ${JSON.stringify(key.name)} (also countersigners[${sameName}])`
      );
    const sameKey = ids.get(key.keyId);
    if (sameKey !== void 0)
      r.failWith(
        "policy-duplicate-entry",
        childPath(at, "publicKey"),
        `expected a key that is not also a usual countersigner, found ${key.keyId} (also countersigners[${sameKey}])`
      );
    const spelled = spellings.get(organisationFold(key.organisation));
    if (spelled !== void 0 && spelled !== key.organisation) {
      r.failWith(
        "policy-ambiguous",
        childPath(at, "organisation"),
        `expected one spelling per organisation, found ${AMBIGUOUS(key.organisation, spelled)}`
      );
    }
  });
  if (!kinds.includes("authority-rotation")) {
    r.failWith(
      "policy-malformed",
      path,
      "expected kinds to include authority-rotation (a fallback signer set only authorises rotations), found a policy that accepts none",
      true
    );
  }
  return { countersigners: keys, threshold };
}

// src/lib/formats/policy/parse.ts
var FIELDS = [
  "mediaType",
  "version",
  "primary",
  "trustedRoot",
  "countersigners",
  "threshold",
  "kinds",
  "streams"
];
var STRICT_JSON_CODES = {
  "too-large": "policy-too-large",
  "duplicate-key": "policy-duplicate-json-key"
};
function parsePolicy(input, what) {
  const text = decode(input, what);
  let json;
  try {
    json = parseStrictJson(text, what, {
      maxBytes: MAX_POLICY_BYTES,
      maxDepth: 32,
      integersOnly: true,
      maxStringBytes: MAX_POLICY_STRING_BYTES
    });
  } catch (err) {
    if (!(err instanceof StrictJsonError)) throw err;
    const m = / at offset (\d+)$/.exec(err.message);
    const line = m ? `:${lineAt(text, Number(m[1]))}` : "";
    const message2 = err.message.slice(what.length + 2).replace(/ at offset (\d+)$/, " (offset $1)");
    throw new PolicyError(STRICT_JSON_CODES[err.code] ?? "policy-malformed", `${what}${line}: ${message2}`);
  }
  const r = new Shape(what, "policy-malformed", "policy-unknown-field", {
    lines: jsonLines(text, 7),
    error: (code, message2) => new PolicyError(code, message2)
  });
  const mediaType = isObject(json) ? json.mediaType : void 0;
  if (mediaType !== void 0 && mediaType !== POLICY_MEDIA_TYPE) {
    r.failWith(
      "policy-unsupported-version",
      "mediaType",
      `expected ${POLICY_MEDIA_TYPE}, found ${describe(mediaType)}`
    );
  }
  const obj = r.object(json, "", FIELDS, ["limits", "fallback"]);
  const version = r.integer(obj.version, "version", 1);
  const primary2 = readPrimary(r, obj.primary, "primary");
  const trustedRoot = readTrustedRoot(r, obj.trustedRoot, "trustedRoot");
  const countersigners = readCountersigners(r, obj.countersigners, "countersigners");
  const threshold = readThreshold(r, obj.threshold, "threshold", countersigners);
  const kinds = readUniqueStrings(
    r,
    obj.kinds,
    "kinds",
    KINDS.length,
    (k) => KINDS.includes(k),
    `one of ${KINDS.join(", ")}`
  );
  const streams = readUniqueStrings(
    r,
    obj.streams,
    "streams",
    MAX_STREAMS2,
    isValidStream,
    "a stream name like acme/app:stable ([A-Za-z0-9._/-]+:[A-Za-z0-9._-]+, at most 200 characters)"
  );
  const limits = readLimits(r, obj.limits, "limits");
  const fallback = Object.hasOwn(obj, "fallback") ? readFallback(r, obj.fallback, "fallback", countersigners, kinds) : void 0;
  if (fallback)
    checkWitnessKeysApartAcross(r, [
      { keys: countersigners, path: "countersigners" },
      { keys: fallback.countersigners, path: "fallback.countersigners" }
    ]);
  return deepFreeze({
    mediaType: POLICY_MEDIA_TYPE,
    version,
    primary: primary2,
    trustedRoot,
    countersigners,
    threshold,
    kinds,
    streams,
    limits,
    ...fallback ? { fallback } : {}
  });
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function decode(input, what) {
  if (typeof input === "string") return input;
  if (input.byteLength > MAX_POLICY_BYTES)
    throw new PolicyError(
      "policy-too-large",
      `${what}: ${input.byteLength} bytes is over the limit of ${MAX_POLICY_BYTES} bytes`
    );
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(input);
  } catch {
    throw new PolicyError("policy-malformed", `${what}: not valid UTF-8`);
  }
}
function readTrustedRoot(r, value, path) {
  if (!isObject(value))
    r.failWith("policy-malformed", path, `expected a Sigstore trusted root object, found ${describe(value)}`);
  const root = value;
  const mediaType = root.mediaType;
  if (typeof mediaType !== "string" || !mediaType.startsWith("application/vnd.dev.sigstore.trustedroot")) {
    r.failWith(
      "policy-malformed",
      childPath(path, "mediaType"),
      `expected a Sigstore trusted root media type (application/vnd.dev.sigstore.trustedroot...), found ${describe(mediaType)}`
    );
  }
  return root;
}
function readUniqueStrings(r, value, path, maxItems, valid, expected) {
  const items = r.nonEmptyArray(value, path, maxItems);
  const seen = /* @__PURE__ */ new Set();
  return items.map((item, i) => {
    const at = childPath(path, i);
    const s = r.text(item, at, 200);
    if (!valid(s))
      r.failWith(
        path === "kinds" ? "policy-unknown-kind" : "policy-malformed",
        at,
        `expected ${expected}, found ${JSON.stringify(s)}`
      );
    if (seen.has(s))
      r.failWith("policy-duplicate-entry", at, `expected each entry once, found ${JSON.stringify(s)} again`);
    seen.add(s);
    return s;
  });
}
function readLimits(r, value, path) {
  if (value === void 0) return { ...POLICY_DEFAULT_LIMITS };
  const names = Object.keys(POLICY_DEFAULT_LIMITS);
  const obj = r.object(value, path, [], names);
  const limits = { ...POLICY_DEFAULT_LIMITS };
  for (const name of names) {
    if (!Object.hasOwn(obj, name)) continue;
    const [min, max] = POLICY_LIMIT_RANGES[name];
    const at = childPath(path, name);
    const n = obj[name];
    if (!isSafeInteger(n)) r.failWith("policy-malformed", at, `expected an integer, found ${describe(n)}`);
    if (n < min || n > max)
      r.failWith("policy-limit-out-of-range", at, `expected an integer from ${min} to ${max}, found ${n}`);
    limits[name] = n;
  }
  return limits;
}
function deepFreeze(value) {
  if (typeof value === "object" && value !== null && !ArrayBuffer.isView(value) && !(value instanceof Date)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

// src/lib/formats/policy/document.ts
function policyDocument(bytes, what) {
  return { bytes, digest: sha256Hex(bytes), policy: parsePolicy(bytes, what) };
}
function isRotation(statement2) {
  return statement2.predicate.kind === "authority-rotation";
}
function newPolicyOf(statement2, what) {
  const encoded = statement2.predicate.data.policy;
  if (!isRotation(statement2) || typeof encoded !== "string") {
    throw new InputError(
      "rotation-not-rotation",
      `${what}: expected an authority-rotation statement carrying the new policy, found kind ${statement2.predicate.kind}`
    );
  }
  const bytes = decodeCanonicalBase64(encoded);
  if (!bytes)
    throw new InputError(
      "rotation-policy-malformed",
      `${what}: predicate.data.policy: expected canonical padded base64`
    );
  try {
    return policyDocument(bytes, `${what} new policy`);
  } catch (err) {
    if (err instanceof PolicyError) throw new InputError("rotation-policy-malformed", `${err.message} [${err.code}]`);
    throw err;
  }
}

// src/lib/checks/sigstore/trusted-root.ts
init_buffer();
init_node_crypto();
var import_protobuf_specs = __toESM(require_dist(), 1);
var import_verify = __toESM(require_dist3(), 1);
var TRUSTED_ROOT_MAX_BYTES = 1024 * 1024;
var TRUSTED_ROOT_MEDIA_TYPES = [
  "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
  "application/vnd.dev.sigstore.trustedroot.v0.1+json",
  "application/vnd.dev.sigstore.trustedroot.v0.2+json"
];
function loadTrustedRoot(json, what, options = {}) {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new InputError(
      "trusted-root-malformed",
      `${what}: expected a JSON object (a Sigstore trusted root), found ${describe(json)}`
    );
  }
  const mediaType = json.mediaType;
  if (typeof mediaType !== "string" || !TRUSTED_ROOT_MEDIA_TYPES.includes(mediaType)) {
    throw new InputError(
      "trusted-root-unsupported-version",
      `${what}: expected mediaType one of ${TRUSTED_ROOT_MEDIA_TYPES.join(", ")}, found ${mediaType === void 0 ? "none" : JSON.stringify(mediaType)}`
    );
  }
  let root;
  try {
    root = import_protobuf_specs.TrustedRoot.fromJSON(json);
  } catch (err) {
    throw new InputError("trusted-root-malformed", `${what}: not a valid trusted root: ${message(err)}`);
  }
  checkValidityWindows(root, what);
  const keyFinder = options.managedKey ? managedKeyFinder(options.managedKey) : void 0;
  try {
    return (0, import_verify.toTrustMaterial)(root, keyFinder);
  } catch (err) {
    throw new InputError(
      "trusted-root-malformed",
      `${what}: unusable key or certificate in the trusted root: ${message(err)}`
    );
  }
}
function checkValidityWindows(root, what) {
  const logs = [...root.tlogs.map((l) => ["tlogs", l]), ...root.ctlogs.map((l) => ["ctlogs", l])];
  for (const [kind, log] of logs) {
    if (!log.publicKey?.rawBytes?.length) {
      throw new InputError(
        "trusted-root-malformed",
        `${what}: ${kind} entry ${JSON.stringify(log.baseUrl)}: expected a publicKey with rawBytes, found none`
      );
    }
    requireStart(
      log.publicKey.validFor?.start,
      `${what}: ${kind} entry ${JSON.stringify(log.baseUrl)}: publicKey.validFor.start`
    );
  }
  const cas = [
    ...root.certificateAuthorities.map((c) => ["certificateAuthorities", c]),
    ...root.timestampAuthorities.map((c) => ["timestampAuthorities", c])
  ];
  for (const [kind, ca] of cas) {
    if (!ca.certChain?.certificates.length) {
      throw new InputError(
        "trusted-root-malformed",
        `${what}: ${kind} entry ${JSON.stringify(ca.uri)}: expected a certChain, found none`
      );
    }
    requireStart(ca.validFor?.start, `${what}: ${kind} entry ${JSON.stringify(ca.uri)}: validFor.start`);
  }
}
function requireStart(start, where) {
  if (!(start instanceof Date) || Number.isNaN(start.getTime())) {
    throw new InputError(
      "trusted-root-malformed",
      `${where}: expected an RFC 3339 time, found ${start === void 0 ? "none" : "an invalid time"}`
    );
  }
}
function managedKeyFinder(key) {
  return () => ({ publicKey: key, validFor: () => true });
}
function message(err) {
  return err instanceof Error ? err.message : String(err);
}
function trustMaterialOf(policy) {
  return loadTrustedRoot(policy.trustedRoot, "policy trustedRoot");
}

// src/lib/pipeline/report.ts
init_buffer();
var CHECKS = [
  { name: "parse", title: "Parse and limits" },
  { name: "primary", title: "Primary Sigstore signature" },
  { name: "primary-identity", title: "Primary signer identity" },
  { name: "countersignatures", title: "Countersignatures" },
  { name: "statement", title: "Statement (kind, stream, expiry, version)" },
  { name: "subjects", title: "Subjects match the files" }
];

// src/lib/pipeline/steps/parse.ts
init_buffer();

// src/lib/formats/bundle/bundle.ts
init_buffer();

// src/lib/formats/log/proof.ts
init_buffer();
var HASH_SIZE = 32;
var MAX_PROOF_HASHES = 64;
function parseLogProof(s, value, path) {
  const o = s.object(value, path, ["logIndex", "treeSize", "hashes", "checkpoint"]);
  const integer = (v, at) => {
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0)
      s.fail(at, `expected a non-negative integer, found ${JSON.stringify(v)}`);
    return v;
  };
  const logIndex = integer(o.logIndex, `${path}.logIndex`);
  const treeSize = integer(o.treeSize, `${path}.treeSize`);
  if (logIndex >= treeSize)
    s.fail(`${path}.logIndex`, `expected an index below treeSize ${treeSize}, found ${logIndex}`);
  const hashes2 = s.array(o.hashes, `${path}.hashes`, MAX_PROOF_HASHES).map((h, i) => {
    const at = `${path}.hashes[${i}]`;
    const bytes = s.base64(h, at, 64);
    if (bytes.length !== HASH_SIZE) s.fail(at, `expected a ${HASH_SIZE}-byte hash, found ${bytes.length} bytes`);
    return h;
  });
  const checkpoint = s.string(o.checkpoint, `${path}.checkpoint`, void 0, MAX_NOTE_BYTES);
  return { logIndex, treeSize, hashes: hashes2, checkpoint };
}

// src/lib/formats/bundle/bundle.ts
var DEFAULT_MAX_BUNDLE_BYTES = 4 * 1024 * 1024;
var MAX_COUNTERSIGNATURES = 32;
var MAX_BUNDLE_ARRAY_ITEMS = 1024;
var MAX_CARRIED_ROTATIONS = 16;
var MAX_CARRIED_ROTATION_BYTES = 4 * 1024 * 1024;
var MAX_CARRIED_ROTATION_BASE64 = 4 * Math.ceil(MAX_CARRIED_ROTATION_BYTES / 3);
var SIGSTORE_BUNDLE_PREFIX = "application/vnd.dev.sigstore.bundle";
function parseBundleFile(bytes, what, maxBytes = DEFAULT_MAX_BUNDLE_BYTES) {
  const json = parseStrictJson(bytes, what, { maxBytes, maxDepth: 32, maxArrayItems: MAX_BUNDLE_ARRAY_ITEMS });
  const s = new Shape(what, "bundle-malformed");
  const mediaType = json?.mediaType;
  if (typeof mediaType === "string" && mediaType.startsWith(SIGSTORE_BUNDLE_PREFIX)) {
    return {
      bundle: { mediaType: BUNDLE_MEDIA_TYPE, primary: json, countersignatures: [] },
      statements: [],
      signatures: [],
      rotations: []
    };
  }
  const o = s.object(json, "$", ["mediaType", "primary", "countersignatures"], ["rotations"]);
  if (o.mediaType !== BUNDLE_MEDIA_TYPE) {
    throw new InputError(
      "bundle-unsupported-version",
      `${what}: $.mediaType: expected ${BUNDLE_MEDIA_TYPE}, found ${JSON.stringify(o.mediaType)}`
    );
  }
  s.object(o.primary, "$.primary", ["mediaType", "verificationMaterial"], ["dsseEnvelope", "messageSignature"]);
  const list = s.array(o.countersignatures, "$.countersignatures", MAX_COUNTERSIGNATURES);
  const countersignatures2 = [];
  const statements = [];
  const signatures = [];
  list.forEach((item, i) => {
    const path = `$.countersignatures[${i}]`;
    const c = s.object(item, path, ["keyId", "statement", "signature"], ["logProof"]);
    const keyId = s.string(c.keyId, `${path}.keyId`, KEY_ID);
    statements.push(s.base64(c.statement, `${path}.statement`, 32 * 1024));
    const sig = s.base64(c.signature, `${path}.signature`, 128);
    if (sig.length !== 64)
      s.fail(`${path}.signature`, `expected a 64-byte Ed25519 signature, found ${sig.length} bytes`);
    signatures.push(sig);
    const entry = { keyId, statement: c.statement, signature: c.signature };
    if (Object.hasOwn(c, "logProof")) entry.logProof = parseLogProof(s, c.logProof, `${path}.logProof`);
    countersignatures2.push(entry);
  });
  const bundle = { mediaType: BUNDLE_MEDIA_TYPE, primary: o.primary, countersignatures: countersignatures2 };
  const rotations = [];
  if (Object.hasOwn(o, "rotations")) {
    const carried2 = s.nonEmptyArray(o.rotations, "$.rotations", MAX_CARRIED_ROTATIONS);
    carried2.forEach((item, i) => rotations.push(s.base64(item, `$.rotations[${i}]`, MAX_CARRIED_ROTATION_BASE64)));
    bundle.rotations = carried2;
  }
  return { bundle, statements, signatures, rotations };
}

// src/lib/formats/bundle/envelope.ts
init_buffer();
function envelopeStatementBytes(primary2, what, options) {
  const envelope = primary2?.dsseEnvelope;
  if (!envelope || typeof envelope.payload !== "string") {
    throw new InputError("primary-malformed", `${what}: $.primary: expected a DSSE envelope carrying the statement`);
  }
  if (envelope.payloadType !== INTOTO_PAYLOAD_TYPE) {
    throw new InputError(
      "statement-unsupported-type",
      `${what}: DSSE payloadType: expected ${INTOTO_PAYLOAD_TYPE}, found ${JSON.stringify(envelope.payloadType)}`
    );
  }
  const { payload } = envelope;
  const bytes = Buffer2.from(payload, "base64");
  if (options.nonCanonical === "refuse" && bytes.toString("base64") !== payload) {
    throw new InputError(
      "primary-malformed",
      `${what}: $.primary.dsseEnvelope.payload: expected canonical base64 (RFC 4648 \xA74, padded), found other text`
    );
  }
  return new Uint8Array(bytes);
}

// src/lib/formats/statement/statement.ts
init_buffer();

// src/lib/formats/subjects/name.ts
init_buffer();
var MAX_SUBJECT_NAME_LENGTH = 4096;
var CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
function subjectNameProblem(name) {
  if (name.length === 0) return "is empty";
  if (name.length > MAX_SUBJECT_NAME_LENGTH || Buffer2.byteLength(name) > MAX_SUBJECT_NAME_LENGTH) {
    return `is longer than ${MAX_SUBJECT_NAME_LENGTH} bytes in UTF-8`;
  }
  if (!name.isWellFormed()) return "contains a lone UTF-16 surrogate";
  if (name.normalize("NFC") !== name) return "is not in Unicode normalisation form NFC";
  if (CONTROL.test(name)) return "contains a control character";
  if (name.startsWith("/")) return 'is absolute (starts with "/")';
  if (name.includes("\\")) return 'contains a backslash (only "/" separates path segments)';
  for (const segment of name.split("/")) {
    if (segment === "" || segment === "." || segment === "..") return `has an empty, "." or ".." path segment`;
  }
  return void 0;
}
function codePointRank(unit) {
  if (unit >= 57344) return unit - 2048;
  if (unit >= 55296) return unit + 8192;
  return unit;
}
function compareSubjectNames(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

// src/lib/formats/statement/fleet-keys.ts
init_buffer();
init_node_crypto();
var FLEET_KEY_ALGORITHMS = [
  "ecdsa-p256",
  "ecdsa-p384",
  "ed25519",
  "rsa-2048",
  "rsa-3072",
  "rsa-4096"
];
var FLEET_KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
var MAX_FLEET_KEYS_BYTES = 1024 * 1024;
var MAX_PEM_CHARS = 16 * 1024;

// src/lib/formats/statement/statement.ts
var MAX_EXPIRES_IN_SECONDS = 366 * 86400;
var MAX_STATEMENT_STRING_BYTES = 2 * 1024 * 1024;
var DEFAULT_STATEMENT_LIMITS = { maxBytes: 16 * 1024 * 1024, maxSubjects: 1e5 };
var REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
var COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
var URL_PATTERN = /^https?:\/\/[\x21-\x7e]+$/;
function parseStatement(bytes, what, limits = DEFAULT_STATEMENT_LIMITS) {
  const json = parseStrictJson(bytes, what, {
    maxBytes: limits.maxBytes,
    maxDepth: 8,
    integersOnly: true,
    maxStringBytes: MAX_STATEMENT_STRING_BYTES
  });
  return statementFromJson(json, what, limits.maxSubjects);
}
function statementFromJson(json, what, maxSubjects) {
  const s = new Shape(what, "statement-malformed", "statement-unknown-field");
  const j = Object(json);
  if (Object.hasOwn(j, "_type") && j._type !== STATEMENT_TYPE) {
    s.failWith("statement-unsupported-type", "$._type", `expected ${STATEMENT_TYPE}, found ${JSON.stringify(j._type)}`);
  }
  if (Object.hasOwn(j, "predicateType") && j.predicateType !== PREDICATE_TYPE) {
    s.failWith(
      "statement-unsupported-type",
      "$.predicateType",
      `expected ${PREDICATE_TYPE}, found ${JSON.stringify(j.predicateType)}`
    );
  }
  const top = s.object(json, "$", ["_type", "subject", "predicateType", "predicate"]);
  const subjects2 = parseSubjects(s, top.subject, maxSubjects);
  const p = s.object(top.predicate, "$.predicate", [
    "kind",
    "stream",
    "version",
    "issuedAt",
    "expiresAt",
    "source",
    "data"
  ]);
  const kind = s.string(p.kind, "$.predicate.kind", void 0, 64);
  if (!KINDS.includes(kind)) {
    s.failWith(
      "statement-unknown-kind",
      "$.predicate.kind",
      `expected one of ${KINDS.join(", ")}, found ${JSON.stringify(kind)}`
    );
  }
  const stream = s.string(p.stream, "$.predicate.stream", STREAM_PATTERN, MAX_STREAM_LENGTH);
  const version = s.positiveInteger(p.version, "$.predicate.version");
  const issuedAt = s.timestamp(p.issuedAt, "$.predicate.issuedAt");
  const expiresAt = s.timestamp(p.expiresAt, "$.predicate.expiresAt");
  const lifetime = (expiresAt.getTime() - issuedAt.getTime()) / 1e3;
  if (lifetime <= 0)
    s.failWith(
      "statement-bad-time",
      "$.predicate.expiresAt",
      `expected a time after issuedAt ${rfc3339(issuedAt)}, found ${rfc3339(expiresAt)}`
    );
  if (lifetime > MAX_EXPIRES_IN_SECONDS) {
    s.failWith(
      "statement-bad-time",
      "$.predicate.expiresAt",
      `expected at most ${MAX_EXPIRES_IN_SECONDS} seconds (366 days) after issuedAt, found ${lifetime}`
    );
  }
  return {
    _type: STATEMENT_TYPE,
    subject: subjects2,
    predicateType: PREDICATE_TYPE,
    predicate: {
      kind,
      stream,
      version,
      issuedAt: rfc3339(issuedAt),
      expiresAt: rfc3339(expiresAt),
      source: parseSource(s, p.source),
      data: parseData(s, kind, p.data, subjects2)
    }
  };
}
function parseSubjects(s, value, maxSubjects) {
  if (Array.isArray(value) && value.length > maxSubjects) {
    s.failWith(
      "statement-too-many-subjects",
      "$.subject",
      `expected at most ${maxSubjects} subjects, found ${value.length}`
    );
  }
  const list = s.array(value, "$.subject", maxSubjects);
  if (list.length === 0) s.fail("$.subject", "expected at least one subject, found none");
  const subjects2 = list.map((item, i) => {
    const path = `$.subject[${i}]`;
    const o = s.object(item, path, ["name", "digest"]);
    const name = s.string(o.name, `${path}.name`);
    const problem = subjectNameProblem(name);
    if (problem) s.fail(`${path}.name`, `expected a relative path in NFC, found a name that ${problem}`);
    const digest = s.object(o.digest, `${path}.digest`, ["sha256"]);
    return { name, digest: { sha256: s.string(digest.sha256, `${path}.digest.sha256`, SHA256_HEX, 64) } };
  });
  for (const [i, { name }] of subjects2.entries()) {
    const previous = subjects2[i - 1]?.name;
    if (previous === void 0) continue;
    const order = compareSubjectNames(previous, name);
    if (order < 0) continue;
    if (order === 0)
      s.failWith(
        "statement-duplicate-subject",
        `$.subject[${i}].name`,
        `duplicate subject name ${JSON.stringify(name)}`
      );
    s.failWith(
      "statement-unsorted-subjects",
      `$.subject[${i}].name`,
      `subjects must be sorted by name (UTF-8 byte order), found ${JSON.stringify(name)} after ${JSON.stringify(previous)}`
    );
  }
  return subjects2;
}
function parseSource(s, value) {
  const o = s.object(value, "$.predicate.source", [], ["repository", "commit", "workflowRun"]);
  const source = {};
  if (Object.hasOwn(o, "repository"))
    source.repository = s.string(o.repository, "$.predicate.source.repository", REPOSITORY, 200);
  if (Object.hasOwn(o, "commit")) source.commit = s.string(o.commit, "$.predicate.source.commit", COMMIT, 64);
  if (Object.hasOwn(o, "workflowRun"))
    source.workflowRun = s.string(o.workflowRun, "$.predicate.source.workflowRun", URL_PATTERN, 2048);
  return source;
}
function parseRotationData(s, value, subjects2) {
  const o = s.object(value, "$.predicate.data", ["policy"]);
  const bytes = s.base64(o.policy, "$.predicate.data.policy", Math.ceil(MAX_POLICY_BYTES / 3) * 4);
  if (bytes.length === 0 || bytes.length > MAX_POLICY_BYTES)
    s.fail("$.predicate.data.policy", `expected 1 to ${MAX_POLICY_BYTES} bytes of policy, found ${bytes.length}`);
  const [subject] = subjects2;
  if (subjects2.length !== 1 || !subject)
    s.fail(
      "$.subject",
      `expected exactly one subject (the new policy) for authority-rotation, found ${subjects2.length}`
    );
  const digest = sha256Hex(bytes);
  if (subject.digest.sha256 !== digest) {
    s.failWith(
      "rotation-policy-digest",
      "$.predicate.data.policy",
      `expected the document whose sha256 is the subject's (${subject.digest.sha256}), found a document with sha256 ${digest}`
    );
  }
  return { policy: o.policy };
}
function parseData(s, kind, value, subjects2) {
  if (kind === "authority-rotation") return parseRotationData(s, value, subjects2);
  if (kind !== "fleet-key") {
    s.object(value, "$.predicate.data", []);
    return {};
  }
  const o = s.object(value, "$.predicate.data", ["keys"]);
  const keys = s.array(o.keys, "$.predicate.data.keys", subjects2.length).map((item, i) => {
    const path = `$.predicate.data.keys[${i}]`;
    const k = s.object(item, path, ["id", "algorithm"]);
    const id = s.string(k.id, `${path}.id`, FLEET_KEY_ID, 128);
    const algorithm = s.string(k.algorithm, `${path}.algorithm`, void 0, 32);
    if (!FLEET_KEY_ALGORITHMS.includes(algorithm))
      s.fail(
        `${path}.algorithm`,
        `expected one of ${FLEET_KEY_ALGORITHMS.join(", ")}, found ${JSON.stringify(algorithm)}`
      );
    const name = subjects2[i]?.name;
    if (name !== id)
      s.fail(`${path}.id`, `expected the name of subject ${i} (${JSON.stringify(name)}), found ${JSON.stringify(id)}`);
    return { id, algorithm };
  });
  if (keys.length !== subjects2.length)
    s.fail("$.predicate.data.keys", `expected one key per subject (${subjects2.length}), found ${keys.length}`);
  return { keys };
}

// src/lib/pipeline/steps/parse.ts
function parseEnvelope(bytes, policy, what) {
  const bundle = parseBundleFile(bytes, what, policy.limits.maxBundleBytes);
  const statementBytes = envelopeStatementBytes(bundle.bundle.primary, what, { nonCanonical: "defer" });
  return { bundle, statementBytes };
}
function readStatement(envelope, policy, what) {
  const { statementBytes } = envelope;
  const statement2 = parseStatement(statementBytes, `${what} statement`, {
    maxBytes: policy.limits.maxBundleBytes,
    maxSubjects: policy.limits.maxSubjects
  });
  return { ...envelope, statementDigest: sha256Hex(statementBytes), statement: statement2 };
}
function describeParsed(parsed, byteLength) {
  return `${parsed.bundle.bundle.countersignatures.length} countersignature(s), ${parsed.statement.subject.length} subject(s), ${byteLength} bytes`;
}
function describeEnvelope(envelope, byteLength) {
  return `${envelope.bundle.bundle.countersignatures.length} countersignature(s), ${byteLength} bytes (the statement is read once the primary signature verifies)`;
}

// src/lib/pipeline/steps/primary.ts
init_buffer();

// src/lib/checks/sigstore/verify-primary.ts
init_buffer();
init_node_crypto();
var import_bundle2 = __toESM(require_dist4(), 1);
var import_core2 = __toESM(require_dist2(), 1);
var import_protobuf_specs2 = __toESM(require_dist(), 1);
var import_verify2 = __toESM(require_dist3(), 1);

// src/lib/checks/sigstore/certificate-encodings.ts
init_buffer();
function remember(obj) {
  if (!obj || Object.hasOwn(obj, "toDER")) return;
  const der = obj.toDER();
  Object.defineProperty(obj, "toDER", { value: () => Buffer2.from(der), enumerable: false, configurable: true });
}
function rememberCertificateEncodings(cert) {
  remember(cert.root);
  remember(cert.root.subs[0]);
}
function rememberTrustEncodings(trust) {
  for (const ca of [...trust.certificateAuthorities, ...trust.timestampAuthorities])
    for (const cert of ca.certChain) rememberCertificateEncodings(cert);
}
function rememberLeafEncodings(entity) {
  if (entity.key.$case === "certificate") rememberCertificateEncodings(entity.key.certificate);
}

// src/lib/checks/sigstore/identity.ts
init_buffer();
var import_core = __toESM(require_dist2(), 1);
var FULCIO = "1.3.6.1.4.1.57264.1";
var FULCIO_CLAIMS = {
  issuer: [
    { oid: `${FULCIO}.8`, encoding: "der-utf8" },
    { oid: `${FULCIO}.1`, encoding: "raw" }
  ],
  eventName: [
    { oid: `${FULCIO}.20`, encoding: "der-utf8" },
    { oid: `${FULCIO}.2`, encoding: "raw" }
  ],
  sha: [
    { oid: `${FULCIO}.13`, encoding: "der-utf8" },
    { oid: `${FULCIO}.3`, encoding: "raw" }
  ],
  workflow: [{ oid: `${FULCIO}.4`, encoding: "raw" }],
  repository: [
    { oid: `${FULCIO}.12`, encoding: "der-utf8", stripServerUrl: true },
    { oid: `${FULCIO}.5`, encoding: "raw" }
  ],
  ref: [
    { oid: `${FULCIO}.14`, encoding: "der-utf8" },
    { oid: `${FULCIO}.6`, encoding: "raw" }
  ],
  jobWorkflowRef: [{ oid: `${FULCIO}.9`, encoding: "der-utf8", stripServerUrl: true }],
  jobWorkflowSha: [{ oid: `${FULCIO}.10`, encoding: "der-utf8" }],
  runnerEnvironment: [{ oid: `${FULCIO}.11`, encoding: "der-utf8" }],
  repositoryId: [{ oid: `${FULCIO}.15`, encoding: "der-utf8" }],
  repositoryOwner: [{ oid: `${FULCIO}.16`, encoding: "der-utf8", stripServerUrl: true }],
  repositoryOwnerId: [{ oid: `${FULCIO}.17`, encoding: "der-utf8" }],
  workflowRef: [{ oid: `${FULCIO}.18`, encoding: "der-utf8", stripServerUrl: true }],
  workflowSha: [{ oid: `${FULCIO}.19`, encoding: "der-utf8" }],
  runInvocationUri: [{ oid: `${FULCIO}.21`, encoding: "der-utf8" }],
  repositoryVisibility: [{ oid: `${FULCIO}.22`, encoding: "der-utf8" }]
};
function signerFromCertificate(der) {
  let cert;
  try {
    cert = import_core.X509Certificate.parse(Buffer2.from(der));
  } catch (err) {
    throw certError(`not a parseable X.509 certificate (${err instanceof Error ? err.message : String(err)})`);
  }
  const extensionOids = cert.extensions.map((ext) => ext.subs[0]?.toOID());
  if (new Set(extensionOids).size !== extensionOids.length)
    throw certError("an extension appears more than once (RFC 5280 \xA74.2)");
  const claims = {};
  for (const [name, sources] of Object.entries(FULCIO_CLAIMS)) {
    const values = /* @__PURE__ */ new Set();
    for (const source of sources) {
      const ext = cert.extension(source.oid);
      if (!ext) continue;
      const raw = source.encoding === "raw" ? strictUtf8(ext.value, source.oid) : derUtf8String(ext.value, source.oid);
      const value2 = source.stripServerUrl ? stripServerUrl(raw) : raw;
      if (value2 !== void 0) values.add(value2);
    }
    if (values.size > 1)
      throw certError(
        `claim ${name}: the V1 and V2 Fulcio extensions disagree (${[...values].map((v) => JSON.stringify(v)).join(" vs ")})`
      );
    const [value] = values;
    if (value !== void 0) claims[name] = value;
  }
  const { issuer, ...extensions } = claims;
  if (!issuer) throw certError(`expected a Fulcio OIDC issuer extension (${FULCIO}.8 or .1), found none`);
  return { identity: singleSan(cert), issuer, extensions };
}
function checkPrimaryIdentity(signer, policy) {
  if (signer.issuer !== policy.issuer) {
    throw new VerificationError(
      "primary-issuer",
      `primary signature: OIDC issuer is not the pinned one: expected ${JSON.stringify(policy.issuer)}, found ${JSON.stringify(signer.issuer)}`,
      {
        expected: policy.issuer,
        found: signer.issuer
      }
    );
  }
  if (policy.identity !== void 0 && signer.identity !== policy.identity)
    throw identityError(policy.identity, signer.identity);
  if (policy.identity === void 0 || policy.identityPattern !== void 0) {
    const pattern = compileIdentityPattern(policy.identityPattern, "identity policy: identityPattern");
    if (!pattern.test(signer.identity)) throw identityError(`a match of ${policy.identityPattern}`, signer.identity);
  }
  const claims = policy.githubClaims ?? {};
  for (const claim of SOURCE_REPOSITORY_CLAIMS) {
    const expected = claims[claim];
    const found = signer.extensions[claim];
    if (expected !== void 0 && found !== expected) {
      throw new VerificationError(
        "primary-source-repository",
        `primary signature: certificate source repository is not the pinned one (the workflow run from another repository, e.g. one calling it as a reusable workflow): ${claim} expected ${JSON.stringify(expected)}, found ${found === void 0 ? "none" : JSON.stringify(found)}`,
        { expected, found: found ?? "" }
      );
    }
  }
  for (const [claim, expected] of Object.entries(claims)) {
    const found = signer.extensions[claim];
    if (found !== expected) {
      throw new VerificationError(
        "primary-claim",
        `primary signature: certificate claim ${claim} is not the pinned one: expected ${JSON.stringify(expected)}, found ${found === void 0 ? "none" : JSON.stringify(found)}`,
        { expected, found: found ?? "" }
      );
    }
  }
}
function identityError(expected, found) {
  return new VerificationError(
    "primary-identity",
    `primary signature: certificate identity is not the pinned one: expected ${JSON.stringify(expected)}, found ${JSON.stringify(found)}`,
    { expected, found }
  );
}
function singleSan(cert) {
  const names = cert.extension("2.5.29.17")?.valueObj.subs[0]?.subs ?? [];
  const [name] = names;
  if (names.length !== 1 || !name)
    throw certError(`expected exactly one subject alternative name, found ${names.length}`);
  if (!name.tag.isContextSpecific(6) && !name.tag.isContextSpecific(1)) {
    throw certError("expected the subject alternative name to be a URI or an email address, found another kind");
  }
  const text = name.value.toString("latin1");
  if (text === "" || !/^[\x21-\x7e]*$/.test(text))
    throw certError("subject alternative name is empty or not printable ASCII");
  return text;
}
function strictUtf8(bytes, oid) {
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw certError(`extension ${oid}: expected UTF-8 text, found invalid bytes`);
  }
  if (/[\x00-\x1f\x7f]/.test(text)) throw certError(`extension ${oid}: control character in value`);
  return text;
}
function derUtf8String(bytes, oid) {
  let length = bytes[1];
  if (bytes[0] !== 12 || length === void 0) throw certError(`extension ${oid}: expected a DER UTF8String`);
  let offset = 2;
  if (length & 128) {
    const count = length & 127;
    if (count < 1 || count > 2 || bytes.length < 2 + count) throw certError(`extension ${oid}: bad DER length`);
    length = bytes.subarray(2, 2 + count).reduce((n, b) => n * 256 + b, 0);
    offset = 2 + count;
    if (length < 128 || count === 2 && length < 256) throw certError(`extension ${oid}: non-minimal DER length`);
  }
  if (offset + length !== bytes.length) throw certError(`extension ${oid}: DER length does not match the value`);
  return strictUtf8(bytes.subarray(offset), oid);
}
function stripServerUrl(value) {
  return /^https:\/\/[^/?#@]+\/(.+)$/u.exec(value)?.[1];
}
function certError(message2) {
  return new VerificationError("primary-certificate", `primary signature: signing certificate: ${message2}`);
}

// src/lib/checks/sigstore/verify-primary.ts
var PRIMARY_MEDIA_TYPES = [
  "application/vnd.dev.sigstore.bundle.v0.3+json",
  "application/vnd.dev.sigstore.bundle+json;version=0.3"
];
var LEGACY_MEDIA_TYPES = [
  "application/vnd.dev.sigstore.bundle+json;version=0.1",
  "application/vnd.dev.sigstore.bundle+json;version=0.2"
];
function verifyPrimary(bundleJson, trust, options = {}) {
  const what = options.what ?? "primary signature";
  const result = verifySigstoreBundle(bundleJson, trust, { what });
  const { content, certificate, signer } = result;
  if (content.kind !== "dsse" || !certificate || !signer)
    throw new VerificationError("primary-malformed", `${what}: expected a keyless DSSE bundle`);
  return {
    payload: content.payload,
    payloadType: content.payloadType,
    signature: content.signature,
    certificate,
    tlogEntries: result.tlogEntries,
    timestamps: result.timestamps,
    signer,
    verifiedTime: result.verifiedTime
  };
}
function verifySigstoreBundle(bundleJson, trust, options = {}) {
  const what = options.what ?? "primary signature";
  const anyKind = options.allowAnyBundleKindUnsafe === true;
  const bundle = parseBundle(bundleJson, what, anyKind);
  if (!anyKind) checkCanonicalBase64(bundleJson, what);
  const vm = bundle.verificationMaterial;
  const leaf = vm.content.$case === "certificate" ? vm.content.certificate.rawBytes : vm.content.$case === "x509CertificateChain" ? vm.content.x509CertificateChain.certificates[0]?.rawBytes : void 0;
  if (!anyKind && bundle.content.$case !== "dsseEnvelope")
    throw fail("primary-not-dsse", what, "expected a DSSE envelope, found a message signature");
  if (!anyKind && !leaf)
    throw fail("primary-certificate", what, "expected a Fulcio certificate, found a public-key hint");
  let content;
  let entity;
  try {
    if (bundle.content.$case === "dsseEnvelope") {
      const env = bundle.content.dsseEnvelope;
      const [signature] = env.signatures;
      if (env.signatures.length !== 1 || !signature)
        throw fail("primary-malformed", what, `expected exactly one DSSE signature, found ${env.signatures.length}`);
      content = {
        kind: "dsse",
        payload: new Uint8Array(env.payload),
        payloadType: env.payloadType,
        signature: new Uint8Array(signature.sig)
      };
      entity = (0, import_verify2.toSignedEntity)(bundle);
    } else {
      const { messageSignature } = bundle.content;
      const { sha256: sha2562, bytes, verifyPrehashed } = artifactDigest(options.artifact, what);
      if (messageSignature.messageDigest.algorithm !== import_protobuf_specs2.HashAlgorithm.SHA2_256)
        throw fail("primary-malformed", what, "expected a SHA2_256 message digest");
      if (!equalBytes(sha2562, messageSignature.messageDigest.digest)) {
        throw fail(
          "primary-artifact",
          what,
          `the artifact's sha256 ${hex(sha2562)} is not the signed message digest ${hex(messageSignature.messageDigest.digest)}`
        );
      }
      content = { kind: "message-signature", sha256: sha2562, signature: new Uint8Array(messageSignature.signature) };
      entity = (0, import_verify2.toSignedEntity)(bundle, bytes ? Buffer2.from(bytes) : void 0);
      if (verifyPrehashed)
        entity.signature = prehashedContent(entity.signature, messageSignature.signature, sha2562, verifyPrehashed);
    }
  } catch (err) {
    if (err instanceof VerificationError || err instanceof InputError) throw err;
    throw fail("primary-malformed", what, `unusable certificate or timestamp: ${describe2(err)}`);
  }
  const verifier = new import_verify2.Verifier(trust, {
    ctlogThreshold: trust.ctlogs.length > 0 ? 1 : 0,
    tlogThreshold: 0,
    timestampThreshold: 1
  });
  try {
    rememberTrustEncodings(trust);
    rememberLeafEncodings(entity);
    verifier.verify(entity);
  } catch (err) {
    throw mapVerifyError(err, what);
  }
  const tlogEntries = vm.tlogEntries.map((entry) => {
    if (!/^(0|[1-9][0-9]{0,18})$/.test(entry.logIndex))
      throw fail("primary-tlog", what, `expected a non-negative log index, found ${JSON.stringify(entry.logIndex)}`);
    if (!entry.logId?.keyId.length)
      throw fail("primary-tlog", what, "expected a log id in every tlog entry, found none");
    return {
      logId: Buffer2.from(entry.logId.keyId).toString("base64"),
      logIndex: entry.logIndex,
      integratedTime: Number(entry.integratedTime)
    };
  });
  const timestamps = (vm.timestampVerificationData?.rfc3161Timestamps ?? []).map(
    (t) => new Uint8Array(t.signedTimestamp)
  );
  const times = [
    ...vm.tlogEntries.filter((e) => e.inclusionPromise && e.integratedTime !== "0").map((e) => new Date(Number(e.integratedTime) * 1e3)),
    ...timestamps.map((t) => import_core2.RFC3161Timestamp.parse(Buffer2.from(t)).signingTime)
  ];
  if (times.length === 0) throw fail("primary-timestamp", what, "expected a verified log or TSA time, found none");
  const verifiedTime = new Date(Math.min(...times.map((t) => t.getTime())));
  const result = { mediaType: bundle.mediaType, content, tlogEntries, timestamps, verifiedTime };
  if (leaf) {
    result.certificate = new Uint8Array(leaf);
    result.signer = signerFromCertificate(result.certificate);
  }
  return result;
}
function parseBundle(json, what, anyKind) {
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw fail("primary-malformed", what, "expected a JSON object (a Sigstore bundle)");
  const mediaType = json.mediaType;
  const allowed = anyKind ? [...PRIMARY_MEDIA_TYPES, ...LEGACY_MEDIA_TYPES] : PRIMARY_MEDIA_TYPES;
  if (typeof mediaType !== "string" || !allowed.includes(mediaType)) {
    throw new VerificationError(
      "primary-unsupported-version",
      `${what}: expected bundle mediaType one of ${allowed.join(", ")}, found ${mediaType === void 0 ? "none" : JSON.stringify(mediaType)}`,
      {
        expected: allowed.join(" | "),
        found: String(mediaType)
      }
    );
  }
  checkEntries(json, what);
  try {
    return (0, import_bundle2.bundleFromJSON)(json);
  } catch (err) {
    throw fail("primary-malformed", what, `not a valid Sigstore bundle: ${describe2(err)}`);
  }
}
var MAX_PRIMARY_ENTRIES = 16;
function checkEntries(json, what) {
  const vm = json.verificationMaterial;
  const lists = [
    ["verificationMaterial.tlogEntries", vm?.tlogEntries],
    [
      "verificationMaterial.timestampVerificationData.rfc3161Timestamps",
      vm?.timestampVerificationData?.rfc3161Timestamps
    ]
  ];
  for (const [field, list] of lists) {
    if (!Array.isArray(list)) continue;
    if (list.length > MAX_PRIMARY_ENTRIES) {
      throw new VerificationError(
        "primary-too-many-entries",
        `${what}: ${field}: expected at most ${MAX_PRIMARY_ENTRIES} items (what a countersignature binds), found ${list.length}`,
        {
          expected: `at most ${MAX_PRIMARY_ENTRIES}`,
          found: String(list.length)
        }
      );
    }
    const seen = /* @__PURE__ */ new Map();
    list.forEach((item, i) => {
      const text = JSON.stringify(item);
      const first = seen.get(text);
      if (first !== void 0) {
        throw new VerificationError(
          "primary-duplicate-entry",
          `${what}: ${field}[${i}] is the same as ${field}[${first}]: each entry or timestamp once`,
          {
            expected: "distinct entries",
            found: `${field}[${first}] twice`
          }
        );
      }
      seen.set(text, i);
    });
  }
}
var BYTES_FIELDS = /* @__PURE__ */ new Set([
  "payload",
  "sig",
  "rawBytes",
  "keyId",
  "canonicalizedBody",
  "signedEntryTimestamp",
  "rootHash",
  "hashes",
  "signedTimestamp",
  "digest",
  "signature"
]);
function checkCanonicalBase64(json, what) {
  const visit = (value, field, bytes) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        visit(v, `${field}[${i}]`, bytes);
      });
      return;
    }
    if (typeof value === "object" && value !== null) {
      for (const [key, v] of Object.entries(value)) {
        const path = field ? `${field}.${key}` : key;
        if (key === "envelope" && field.endsWith(".inclusionProof.checkpoint"))
          checkCheckpointSignatures(v, path, what);
        else visit(v, path, BYTES_FIELDS.has(key));
      }
      return;
    }
    if (!bytes) return;
    if (typeof value !== "string" || decodeCanonicalBase64(value) === void 0) {
      throw fail(
        "primary-malformed",
        what,
        `${field}: expected canonical base64 (RFC 4648 \xA74, padded), found other text`
      );
    }
  };
  visit({ dsseEnvelope: json.dsseEnvelope, verificationMaterial: json.verificationMaterial }, "", false);
}
function checkCheckpointSignatures(envelope, field, what) {
  if (typeof envelope !== "string") return;
  const split2 = envelope.indexOf("\n\n");
  if (split2 < 0) return;
  const signatures = envelope.slice(split2 + 2);
  if (!signatures.endsWith("\n") || signatures.slice(0, -1).split("\n").some((line) => typeof parseNoteSignatureLine(line) === "string")) {
    throw fail(
      "primary-malformed",
      what,
      `${field}: expected signature lines "\u2014 <name> <canonical base64 signature>", found other text`
    );
  }
}
function artifactDigest(artifact, what) {
  if (artifact === void 0)
    throw new InputError(
      "artifact-required",
      `${what}: a message-signature bundle needs the artifact (or its sha256) to verify`
    );
  if (artifact instanceof Uint8Array)
    return { sha256: createHash("sha256").update(artifact).digest(), bytes: artifact };
  if (artifact.sha256.length !== 32)
    throw new InputError(
      "artifact-digest",
      `${what}: expected a 32-byte sha256 digest, found ${artifact.sha256.length} bytes`
    );
  return { sha256: artifact.sha256, verifyPrehashed: artifact.verifyPrehashed };
}
function prehashedContent(base, signature, sha2562, verify2) {
  return {
    signature,
    compareSignature: (s) => base.compareSignature(s),
    compareDigest: (d) => base.compareDigest(d),
    compareSignedDigest: (d) => base.compareSignedDigest(d),
    verifySignature: (key) => verify2(key, sha2562, signature)
  };
}
var CODE_MAP = {
  SIGNATURE_ERROR: "primary-signature",
  CERTIFICATE_ERROR: "primary-certificate",
  PUBLIC_KEY_ERROR: "primary-key",
  TIMESTAMP_ERROR: "primary-timestamp",
  TLOG_ERROR: "primary-tlog",
  TLOG_BODY_ERROR: "primary-tlog",
  TLOG_INCLUSION_PROOF_ERROR: "primary-tlog",
  TLOG_INCLUSION_PROMISE_ERROR: "primary-tlog",
  TLOG_MISSING_INCLUSION_ERROR: "primary-tlog"
};
function mapVerifyError(err, what) {
  const upstream = typeof err === "object" && err !== null && "code" in err && typeof err.code === "string" ? err.code : void 0;
  const code = (upstream ? CODE_MAP[upstream] : void 0) ?? "primary-malformed";
  const found = upstream ? `${upstream}: ${describe2(err)}` : describe2(err);
  return new VerificationError(code, `${what}: Sigstore verification failed: ${found}`, {
    expected: "a valid Sigstore signature under the pinned trusted root",
    found
  });
}
function fail(code, what, message2) {
  return new VerificationError(code, `${what}: ${message2}`);
}
function describe2(err) {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? ` (${err.cause.message})` : "";
  const { fields: fields2 } = err;
  const list = Array.isArray(fields2) ? ` [${fields2.join(", ")}]` : "";
  return `${err.message}${list}${cause}`.replace(/\s+/g, " ");
}
function hex(bytes) {
  return Buffer2.from(bytes).toString("hex");
}

// src/lib/pipeline/steps/primary.ts
function primary(parsed, trust) {
  const result = verifyPrimary(parsed.bundle.bundle.primary, trust);
  if (!equalBytes(result.payload, parsed.statementBytes))
    throw new VerificationError("primary-malformed", "the verified DSSE payload differs from the parsed statement");
  return result;
}
function describePrimary(result) {
  return `signature, certificate chain and ${result.tlogEntries.length ? "transparency-log entry" : "timestamp"} verify against the pinned trusted root`;
}

// src/lib/pipeline/steps/primary-identity.ts
init_buffer();
function primaryIdentity(primary2, policy) {
  checkPrimaryIdentity(primary2.signer, policy.primary);
  return primary2.signer;
}
function describeSigner(signer) {
  return `${signer.identity} (issuer ${signer.issuer})`;
}

// src/lib/pipeline/steps/countersignatures.ts
init_buffer();

// src/lib/checks/countersignatures/authorise.ts
init_buffer();

// src/lib/checks/countersignatures/verify.ts
init_buffer();

// src/lib/basics/crypto/pae.ts
init_buffer();
var encoder = new TextEncoder();
function preAuthEncoding(payloadType, payload) {
  const typeBytes = encoder.encode(payloadType);
  const head = encoder.encode(`DSSEv1 ${typeBytes.length} ${payloadType} ${payload.length} `);
  const out = new Uint8Array(head.length + payload.length);
  out.set(head, 0);
  out.set(payload, head.length);
  return out;
}

// src/lib/formats/countersignature/statement.ts
init_buffer();
var MAX_COUNTERSIGNATURE_STATEMENT_BYTES = 16 * 1024;
var MAX_BINDING_ITEMS = 16;
function bindingOf(primary2) {
  return {
    payloadType: primary2.payloadType,
    payloadDigest: { sha256: sha256Hex(primary2.payload) },
    primarySignatureDigest: { sha256: sha256Hex(primary2.signature) },
    certificateDigest: { sha256: sha256Hex(primary2.certificate) },
    tlogEntries: primary2.tlogEntries.map((e) => ({ logId: e.logId, logIndex: e.logIndex })),
    timestampDigests: primary2.timestamps.map((t) => ({ sha256: sha256Hex(t) }))
  };
}
function parseCountersignatureStatement(bytes, what) {
  const json = parseStrictJson(bytes, what, {
    maxBytes: MAX_COUNTERSIGNATURE_STATEMENT_BYTES,
    maxDepth: 8,
    integersOnly: true
  });
  const s = new Shape(what, "countersignature-malformed");
  const o = s.object(json, "$", [
    "_type",
    "keyId",
    "payloadType",
    "payloadDigest",
    "primarySignatureDigest",
    "certificateDigest",
    "tlogEntries",
    "timestampDigests",
    "stream",
    "version",
    "signedAt"
  ]);
  if (o._type !== COUNTERSIGNATURE_TYPE) {
    s.fail(
      "$._type",
      `expected ${COUNTERSIGNATURE_TYPE}, found ${JSON.stringify(o._type)} (unknown countersignature version)`
    );
  }
  const digest = (v, path) => ({
    sha256: s.string(s.object(v, path, ["sha256"]).sha256, `${path}.sha256`, SHA256_HEX)
  });
  const tlog = s.array(o.tlogEntries, "$.tlogEntries", MAX_BINDING_ITEMS).map((e, i) => {
    const entry = s.object(e, `$.tlogEntries[${i}]`, ["logId", "logIndex"]);
    return {
      logId: s.string(entry.logId, `$.tlogEntries[${i}].logId`, /^[A-Za-z0-9+/]+={0,2}$/, 128),
      logIndex: s.string(entry.logIndex, `$.tlogEntries[${i}].logIndex`, /^(0|[1-9][0-9]{0,18})$/)
    };
  });
  return {
    _type: COUNTERSIGNATURE_TYPE,
    keyId: s.string(o.keyId, "$.keyId", KEY_ID),
    payloadType: s.string(o.payloadType, "$.payloadType", void 0, 256),
    payloadDigest: digest(o.payloadDigest, "$.payloadDigest"),
    primarySignatureDigest: digest(o.primarySignatureDigest, "$.primarySignatureDigest"),
    certificateDigest: digest(o.certificateDigest, "$.certificateDigest"),
    tlogEntries: tlog,
    timestampDigests: s.array(o.timestampDigests, "$.timestampDigests", MAX_BINDING_ITEMS).map((d, i) => digest(d, `$.timestampDigests[${i}]`)),
    stream: s.string(o.stream, "$.stream", STREAM_PATTERN, 200),
    version: s.positiveInteger(o.version, "$.version"),
    signedAt: rfc3339(s.timestamp(o.signedAt, "$.signedAt"))
  };
}

// src/lib/checks/log/proof.ts
init_buffer();

// src/lib/checks/log/checkpoint.ts
init_buffer();

// src/lib/checks/log/note.ts
init_buffer();
init_node_crypto();
var MAX_SIGNATURES = 100;
var ALG_ED25519 = 1;
function noteKeyHash(name, rawPublicKey) {
  const digest = createHash("sha256").update(name, "utf8").update(Buffer2.from([10, ALG_ED25519])).update(rawPublicKey).digest();
  return new Uint8Array(digest.subarray(0, 4));
}
function openNote(note, verifier, what = "note") {
  const fail2 = (why, code = "log-note-malformed") => {
    throw new VerificationError(code, `${what}: ${why}`);
  };
  if (typeof note !== "string") return fail2("expected text");
  if (Buffer2.byteLength(note) > MAX_NOTE_BYTES) fail2(`larger than ${MAX_NOTE_BYTES} bytes`);
  const split2 = note.lastIndexOf("\n\n");
  if (split2 < 0 || !note.endsWith("\n"))
    return fail2("expected text, a blank line and signature lines, each ending in a newline");
  const text = note.slice(0, split2 + 1);
  checkText(text, what);
  const lines = note.slice(split2 + 2, -1).split("\n");
  if (lines.length > MAX_SIGNATURES) fail2(`more than ${MAX_SIGNATURES} signatures`);
  const wantHash = Buffer2.from(noteKeyHash(verifier.name, verifier.rawPublicKey));
  let verified = false;
  for (const line of lines) {
    const parsed = parseNoteSignatureLine(line);
    if (parsed === "line") return fail2(`malformed signature line ${JSON.stringify(line.slice(0, 80))}`);
    if (parsed === "encoding") return fail2("malformed signature encoding");
    const { name, blob } = parsed;
    if (name !== verifier.name || !equalBytes(blob.subarray(0, 4), wantHash)) continue;
    if (blob.length !== 4 + 64 || !verifyEd25519Strict(blob.subarray(4), new TextEncoder().encode(text), verifier.rawPublicKey)) {
      fail2(`the signature by ${verifier.name} does not verify`, "log-note-signature");
    }
    verified = true;
  }
  if (!verified)
    fail2(`no signature by the pinned key ${verifier.name} (${wantHash.toString("hex")})`, "log-note-signature");
  return text;
}
function checkText(text, what) {
  if (text.length === 0 || !text.endsWith("\n"))
    throw new VerificationError("log-note-malformed", `${what}: the text must be non-empty and end in a newline`);
  if (/[\p{Cc}]/u.test(text.replace(/\n/g, "")) || text.includes("\n\n") || text.startsWith("\n")) {
    throw new VerificationError(
      "log-note-malformed",
      `${what}: the text must not contain control characters or blank lines`
    );
  }
}

// src/lib/checks/log/checkpoint.ts
var MAX_EXTENSIONS = 16;
function parseCheckpointText(text, what = "checkpoint") {
  const fail2 = (why) => {
    throw new VerificationError("log-checkpoint-malformed", `${what}: ${why}`);
  };
  const lines = text.split("\n");
  if (lines.pop() !== "" || lines.length < 3)
    fail2("expected origin, size and root hash lines, each ending in a newline");
  const [origin, sizeText, rootText, ...extensions] = lines;
  if (!isValidKeyName(origin)) fail2(`invalid origin line ${JSON.stringify(origin.slice(0, 80))}`);
  if (!/^(0|[1-9][0-9]{0,15})$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText)))
    fail2(`expected a decimal tree size, found ${JSON.stringify(sizeText.slice(0, 40))}`);
  const root = decodeCanonicalBase64(rootText);
  if (root?.length !== HASH_SIZE)
    fail2(`expected the base64 of a ${HASH_SIZE}-byte root hash, found ${JSON.stringify(rootText.slice(0, 60))}`);
  if (extensions.length > MAX_EXTENSIONS || extensions.some((e) => e.length === 0)) fail2("malformed extension lines");
  return { origin, size: Number(sizeText), root: new Uint8Array(root), extensions };
}
function verifyCheckpoint(note, log, what = "checkpoint") {
  const text = openNote(note, log, what);
  const checkpoint = parseCheckpointText(text, what);
  if (checkpoint.origin !== log.name) {
    throw new VerificationError(
      "log-checkpoint-origin",
      `${what}: origin ${JSON.stringify(checkpoint.origin)} is not the pinned log's ${JSON.stringify(log.name)}`,
      {
        expected: log.name,
        found: checkpoint.origin
      }
    );
  }
  return checkpoint;
}

// src/lib/checks/log/merkle.ts
init_buffer();
init_node_crypto();
var LEAF_PREFIX = Buffer2.from([0]);
var NODE_PREFIX = Buffer2.from([1]);
function leafHash(data) {
  return new Uint8Array(createHash("sha256").update(LEAF_PREFIX).update(data).digest());
}
function nodeHash(left, right) {
  return new Uint8Array(createHash("sha256").update(NODE_PREFIX).update(left).update(right).digest());
}
function rootFromInclusionProof(leaf, index, size, path) {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return void 0;
  if (path.length > MAX_PROOF_HASHES || path.some((p) => p.length !== HASH_SIZE)) return void 0;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return void 0;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      [fn, sn] = shiftWhileEven(fn, sn);
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 ? r : void 0;
}
function verifyInclusion(leaf, index, size, path, root) {
  const computed = rootFromInclusionProof(leaf, index, size, path);
  return computed !== void 0 && equalBytes(computed, root);
}
function shiftWhileEven(fn, sn) {
  while (fn % 2 === 0 && fn !== 0) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  return [fn, sn];
}

// src/lib/checks/log/witnesses.ts
init_buffer();

// src/lib/checks/log/cosignature.ts
init_buffer();
function splitNote(note, what) {
  const fail2 = (why) => {
    throw new VerificationError("log-note-malformed", `${what}: ${why}`);
  };
  if (Buffer2.byteLength(note) > MAX_NOTE_BYTES) fail2(`larger than ${MAX_NOTE_BYTES} bytes`);
  const split2 = note.lastIndexOf("\n\n");
  if (split2 < 0 || !note.endsWith("\n") || split2 + 2 >= note.length)
    fail2("expected text, a blank line and signature lines, each ending in a newline");
  return { text: note.slice(0, split2 + 1), lines: note.slice(split2 + 2, -1).split("\n") };
}
function verifyCosignatures(note, witnesses, what) {
  const { text, lines } = splitNote(note, what);
  const hashes2 = witnesses.map((w) => ({ witness: w, hash: cosignerKeyHash(w.name, w.rawPublicKey) }));
  const found = /* @__PURE__ */ new Map();
  for (const line of lines) {
    const parsed = parseNoteSignatureLine(line);
    if (typeof parsed === "string")
      throw new VerificationError(
        "log-note-malformed",
        `${what}: malformed signature line ${JSON.stringify(line.slice(0, 80))}`
      );
    const match = hashes2.find((h) => h.witness.name === parsed.name && equalBytes(parsed.blob.subarray(0, 4), h.hash));
    if (!match) continue;
    const blob = decodeCosignatureBlob(parsed.blob);
    if (!blob || !verifyEd25519Strict(blob.signature, cosignatureMessage(blob.timestamp, text), match.witness.rawPublicKey)) {
      throw new VerificationError(
        "log-witness-cosignature",
        `${what}: the cosignature by witness ${match.witness.name} does not verify`,
        { expected: `a valid cosignature/v1 by ${match.witness.name}`, found: "an invalid one" }
      );
    }
    const before = found.get(match.witness.name);
    if (!before || before.timestamp < blob.timestamp)
      found.set(match.witness.name, { name: match.witness.name, timestamp: blob.timestamp, line });
  }
  return [...found.values()];
}

// src/lib/checks/log/witnesses.ts
function checkWitnesses(note, requirement, clock, what) {
  const valid = verifyCosignatures(note, requirement.witnesses, what);
  const now = Math.floor(clock.now.getTime() / 1e3);
  const future = valid.filter((c) => c.timestamp > now + clock.clockSkewSeconds);
  const maxAge = requirement.maxAgeSeconds;
  const stale = maxAge === void 0 ? [] : valid.filter((c) => c.timestamp < now - maxAge - clock.clockSkewSeconds);
  const counted = valid.filter((c) => !future.includes(c) && !stale.includes(c));
  if (counted.length >= requirement.threshold) return counted;
  const names = (list) => list.map((c) => c.name).join(", ") || "none";
  const absent = requirement.witnesses.filter((w) => !valid.some((c) => c.name === w.name)).map((w) => w.name);
  const notes = [
    stale.length > 0 ? `older than ${maxAge ?? 0} s: ${names(stale)}` : "",
    future.length > 0 ? `dated in the future: ${names(future)}` : "",
    absent.length > 0 ? `no cosignature: ${absent.join(", ")}` : ""
  ].filter((s) => s !== "");
  throw new VerificationError(
    "log-witness-threshold",
    `${what}: the checkpoint has ${counted.length} valid cosignature(s) of the ${requirement.threshold} required from its witnesses (${notes.join("; ")})`,
    {
      expected: `${requirement.threshold} of: ${requirement.witnesses.map((w) => w.name).join(", ")}`,
      found: names(counted)
    }
  );
}

// src/lib/checks/log/proof.ts
function verifyLogProof(statement2, proof, log, what, clock = { now: /* @__PURE__ */ new Date(), clockSkewSeconds: 0 }) {
  let checkpoint;
  try {
    const verifier = { name: log.origin, rawPublicKey: log.rawPublicKey };
    checkpoint = verifyCheckpoint(proof.checkpoint, verifier, `${what}: log checkpoint`);
  } catch (err) {
    if (!(err instanceof VerificationError)) throw err;
    throw new VerificationError("countersignature-log-checkpoint", err.message, {
      expected: `a checkpoint of ${log.origin} signed by its pinned log key`,
      found: err.found ?? err.code
    });
  }
  if (checkpoint.size !== proof.treeSize) {
    throw new VerificationError(
      "countersignature-log-inclusion",
      `${what}: the proof is for tree size ${proof.treeSize} but the checkpoint is for ${checkpoint.size}`,
      {
        expected: String(checkpoint.size),
        found: String(proof.treeSize)
      }
    );
  }
  const path = proof.hashes.map((h) => new Uint8Array(Buffer2.from(h, "base64")));
  if (!verifyInclusion(leafHash(statement2), proof.logIndex, proof.treeSize, path, checkpoint.root)) {
    throw new VerificationError(
      "countersignature-log-inclusion",
      `${what}: the inclusion proof does not lead from this countersignature statement (leaf ${proof.logIndex}) to the checkpoint's root of ${log.origin}`,
      {
        expected: `root ${Buffer2.from(checkpoint.root).toString("base64")}`,
        found: "a proof that does not verify"
      }
    );
  }
  if (log.witnesses) checkWitnesses(proof.checkpoint, log.witnesses, clock, `${what}: log checkpoint`);
  return checkpoint;
}

// src/lib/checks/countersignatures/verify.ts
function verifyCountersignatures(items, keys, threshold, ctx, select = () => true) {
  const byId = new Map(keys.map((k) => [k.keyId, k]));
  const seen = /* @__PURE__ */ new Set();
  const valid = [];
  items.forEach((item, i) => {
    if (!select(item.keyId)) return;
    const label = `countersignature #${i + 1} (${item.keyId})`;
    if (seen.has(item.keyId)) {
      throw new VerificationError(
        "countersignature-duplicate",
        `${label}: this key already countersigned this bundle`,
        {
          expected: "at most one countersignature per key",
          found: `a second countersignature from ${item.keyId}`
        }
      );
    }
    seen.add(item.keyId);
    const key = byId.get(item.keyId);
    if (!key) {
      throw new VerificationError("countersignature-unpinned-key", `${label}: the key is not pinned in the policy`, {
        expected: `one of ${keys.map((k) => `${k.name} (${k.keyId})`).join(", ")}`,
        found: item.keyId
      });
    }
    if (!verifyEd25519Strict(
      item.signature,
      preAuthEncoding(COUNTERSIGNATURE_PAYLOAD_TYPE, item.statement),
      key.rawPublicKey
    )) {
      throw new VerificationError(
        "countersignature-signature",
        `${label}: the Ed25519 signature does not verify under ${key.name}'s pinned key`,
        {
          expected: `a valid Ed25519 signature by ${key.name}`,
          found: "an invalid signature"
        }
      );
    }
    let statement2;
    try {
      statement2 = parseCountersignatureStatement(item.statement, label);
    } catch (err) {
      if (err instanceof InputError) throw new VerificationError("countersignature-malformed", err.message);
      throw err;
    }
    checkBinding(statement2, item.keyId, label, ctx);
    checkWindow(statement2, key, label, ctx);
    const check = {
      keyId: key.keyId,
      name: key.name,
      organisation: key.organisation,
      signedAt: statement2.signedAt
    };
    if (key.log) check.log = checkLogged(item, key.log, label, ctx);
    valid.push(check);
  });
  const organisations = [...new Set(valid.map((v) => v.organisation))].sort();
  const missing = [...new Set(keys.map((k) => k.organisation))].filter((o) => !organisations.includes(o)).sort();
  if (organisations.length < threshold) {
    throw new VerificationError(
      valid.length === 0 ? "countersignature-missing" : "countersignature-threshold",
      valid.length === 0 ? "no countersignature: the bundle carries only the primary signature" : `countersigned by ${organisations.length} distinct organisation(s), the policy requires ${threshold}`,
      {
        expected: `${threshold} of: ${[...new Set(keys.map((k) => k.organisation))].sort().join(", ")}`,
        found: organisations.join(", ") || "none"
      }
    );
  }
  return { valid, organisations, missing };
}
function checkLogged(item, log, label, ctx) {
  if (!item.logProof) {
    throw new VerificationError(
      "countersignature-log-missing",
      `${label}: the policy requires this key's countersignatures to be in the log ${log.origin}, and this one carries no log proof`,
      {
        expected: `a log proof from ${log.origin}`,
        found: "none"
      }
    );
  }
  verifyLogProof(item.statement, item.logProof, log, label, { now: ctx.now, clockSkewSeconds: ctx.clockSkewSeconds });
  return { origin: log.origin, index: item.logProof.logIndex, treeSize: item.logProof.treeSize };
}
function checkBinding(s, keyId, label, ctx) {
  const mismatch = (field, expected, found) => {
    throw new VerificationError(
      "countersignature-binding",
      `${label}: ${field} does not match this bundle (the countersignature was made for another primary or statement)`,
      { expected, found }
    );
  };
  if (s.keyId !== keyId) mismatch("keyId", keyId, s.keyId);
  const b = bindingOf(ctx.primary);
  if (s.payloadType !== b.payloadType) mismatch("payloadType", b.payloadType, s.payloadType);
  if (s.payloadDigest.sha256 !== b.payloadDigest.sha256)
    mismatch("payloadDigest", b.payloadDigest.sha256, s.payloadDigest.sha256);
  if (s.primarySignatureDigest.sha256 !== b.primarySignatureDigest.sha256) {
    mismatch("primarySignatureDigest", b.primarySignatureDigest.sha256, s.primarySignatureDigest.sha256);
  }
  if (s.certificateDigest.sha256 !== b.certificateDigest.sha256)
    mismatch("certificateDigest", b.certificateDigest.sha256, s.certificateDigest.sha256);
  const tlog = (list) => list.map((e) => `${e.logId}/${e.logIndex}`).sort().join(",");
  if (tlog(s.tlogEntries) !== tlog(b.tlogEntries))
    mismatch("tlogEntries", tlog(b.tlogEntries) || "none", tlog(s.tlogEntries) || "none");
  const ts = (list) => list.map((d) => d.sha256).sort().join(",");
  if (ts(s.timestampDigests) !== ts(b.timestampDigests))
    mismatch("timestampDigests", ts(b.timestampDigests) || "none", ts(s.timestampDigests) || "none");
  if (s.stream !== ctx.stream) mismatch("stream", ctx.stream, s.stream);
  if (s.version !== ctx.version) mismatch("version", String(ctx.version), String(s.version));
}
function checkWindow(s, key, label, ctx) {
  const signedAt = new Date(s.signedAt);
  const skew = ctx.clockSkewSeconds * 1e3;
  if (key.validFrom && signedAt < key.validFrom) {
    throw new VerificationError(
      "countersignature-key-not-yet-valid",
      `${label}: signed at ${s.signedAt}, before the key ${key.name} became valid`,
      {
        expected: `signedAt >= ${key.validFrom.toISOString()}`,
        found: s.signedAt
      }
    );
  }
  if (key.validUntil && signedAt > key.validUntil) {
    throw new VerificationError(
      "countersignature-key-expired",
      `${label}: signed at ${s.signedAt}, after the key ${key.name} expired`,
      {
        expected: `signedAt <= ${key.validUntil.toISOString()}`,
        found: s.signedAt
      }
    );
  }
  if (key.validUntil && ctx.now.getTime() > key.validUntil.getTime() + skew) {
    throw new VerificationError(
      "countersignature-key-expired",
      `${label}: the key ${key.name} expired at ${key.validUntil.toISOString()}`,
      {
        expected: `now <= ${key.validUntil.toISOString()}`,
        found: ctx.now.toISOString()
      }
    );
  }
  if (signedAt.getTime() > ctx.now.getTime() + skew) {
    throw new VerificationError("countersignature-time", `${label}: signedAt ${s.signedAt} is in the future`, {
      expected: `signedAt <= ${ctx.now.toISOString()} (+${ctx.clockSkewSeconds}s skew)`,
      found: s.signedAt
    });
  }
  if (signedAt.getTime() < ctx.primaryTime.getTime() - skew) {
    throw new VerificationError(
      "countersignature-time",
      `${label}: signedAt ${s.signedAt} is before the primary signature existed`,
      {
        expected: `signedAt >= ${ctx.primaryTime.toISOString()}`,
        found: s.signedAt
      }
    );
  }
}

// src/lib/checks/countersignatures/authorise.ts
function authorise(items, policy, ctx, options) {
  const rotation = options.next !== void 0;
  const fallback = policy.fallback?.countersigners ?? [];
  const current = governing([...policy.countersigners, ...fallback]);
  const currentIds = new Set(current.map((k) => k.keyId));
  const first = verifyCountersignatures(
    items,
    current,
    0,
    ctx,
    rotation ? (keyId) => currentIds.has(keyId) : () => true
  ).valid;
  const fallbackIds = new Set(fallback.map((k) => k.keyId));
  const byFallback = first.filter((v) => fallbackIds.has(v.keyId));
  if (!rotation && byFallback.length > 0) {
    throw new VerificationError(
      "countersignature-fallback-not-rotation",
      `countersigned by the fallback key ${byFallback.map((v) => v.name).join(", ")}, which may authorise only an authority rotation`,
      {
        expected: `countersignatures by ${describeSet(policy.countersigners)}`,
        found: `fallback key(s) ${byFallback.map((v) => `${v.name} (${v.organisation})`).join(", ")}`
      }
    );
  }
  const organisations = organisationsAmong(first, policy.countersigners);
  const missing = distinct(policy.countersigners.map((k) => k.organisation)).filter((o) => !organisations.includes(o));
  const result = { valid: first, organisations, missing, authorisedBy: "none" };
  if (options.requireThreshold) {
    if (organisations.length >= policy.threshold) {
      result.authorisedBy = "countersigners";
    } else if (rotation && policy.fallback && organisationsAmong(first, fallback).length >= policy.fallback.threshold) {
      result.authorisedBy = "fallback";
      result.fallbackOrganisations = organisationsAmong(first, fallback);
    } else {
      const alternative = rotation && policy.fallback ? `, or ${policy.fallback.threshold} of the fallback set (${describeSet(fallback)})` : "";
      result.shortfall = new VerificationError(
        "countersignature-threshold",
        `countersigned by ${organisations.length} distinct organisation(s), the policy requires ${policy.threshold}${alternative}`,
        {
          expected: `${policy.threshold} of: ${distinct(policy.countersigners.map((k) => k.organisation)).join(", ")}${alternative}`,
          found: organisations.join(", ") || "none"
        }
      );
      return result;
    }
  }
  const next2 = options.next?.();
  if (!next2) return result;
  const rest = verifyCountersignatures(
    items,
    governing([...current, ...next2.countersigners, ...next2.fallback?.countersigners ?? []]),
    0,
    ctx,
    (keyId) => !currentIds.has(keyId)
  ).valid;
  const byKey = new Map([...first, ...rest].map((v) => [v.keyId, v]));
  result.valid = items.map((item) => byKey.get(item.keyId)).filter((v) => v !== void 0);
  if (options.requireThreshold) checkNewKeys(items, policy, next2, result.valid, ctx, result);
  return result;
}
function checkNewKeys(items, policy, next2, valid, ctx, result) {
  const known = new Set([...policy.countersigners, ...policy.fallback?.countersigners ?? []].map((k) => k.keyId));
  const signed = new Set(valid.map((v) => v.keyId));
  const added = [...next2.countersigners, ...next2.fallback?.countersigners ?? []].filter((k) => !known.has(k.keyId));
  const unproven = added.filter((k) => !signed.has(k.keyId));
  if (unproven.length > 0) {
    throw new VerificationError(
      "rotation-proof-of-possession",
      `the new policy adds key(s) that did not countersign the rotation: ${unproven.map((k) => `${k.name} (${k.keyId})`).join(", ")}; a rotation may install only keys whose holders prove they hold them`,
      {
        expected: `countersignatures by every added key: ${added.map((k) => k.name).join(", ")}`,
        found: `countersignatures by ${valid.map((v) => v.name).join(", ") || "none"}`
      }
    );
  }
  result.newKeys = added.map((k) => k.name);
  const ids = new Set(next2.countersigners.map((k) => k.keyId));
  try {
    const outcome = verifyCountersignatures(
      items.filter((i) => ids.has(i.keyId)),
      next2.countersigners,
      next2.threshold,
      ctx
    );
    result.newOrganisations = outcome.organisations;
  } catch (err) {
    if (!(err instanceof VerificationError) || err.code !== "countersignature-threshold" && err.code !== "countersignature-missing")
      throw err;
    throw new VerificationError(
      "rotation-new-threshold",
      `the rotation is not countersigned by ${next2.threshold} organisation(s) of the new policy: ${err.message}`,
      {
        expected: `${next2.threshold} of: ${distinct(next2.countersigners.map((k) => k.organisation)).join(", ")}`,
        found: err.found ?? "none"
      }
    );
  }
}
function governing(keys) {
  const byId = /* @__PURE__ */ new Map();
  for (const key of keys) if (!byId.has(key.keyId)) byId.set(key.keyId, key);
  return [...byId.values()];
}
function organisationsAmong(valid, keys) {
  const ids = new Map(keys.map((k) => [k.keyId, k.organisation]));
  return distinct(valid.map((v) => ids.get(v.keyId)).filter((organisation) => organisation !== void 0));
}
function distinct(items) {
  return [...new Set(items)].sort();
}
function describeSet(keys) {
  return keys.map((k) => `${k.name} (${k.organisation})`).join(", ");
}

// src/lib/pipeline/steps/countersignatures.ts
function countersignatures(parsed, primary2, policy, options) {
  const items = countersignatureInputs(parsed.bundle);
  const rotating = isRotation(parsed.statement);
  const carried2 = () => newPolicyOf(parsed.statement, `${options.what} statement`);
  if (items.length === 0)
    return options.requireThreshold ? { kind: "pending", rotation: void 0 } : { kind: "unsigned", rotation: rotating ? carried2() : void 0 };
  const { stream, version } = parsed.statement.predicate;
  const read = {};
  const next2 = () => (read.rotation = carried2()).policy;
  const authorisation = authorise(
    items,
    policy,
    {
      primary: primary2,
      stream,
      version,
      primaryTime: primary2.verifiedTime,
      now: options.now,
      clockSkewSeconds: policy.limits.clockSkewSeconds
    },
    { requireThreshold: options.requireThreshold, ...rotating ? { next: next2 } : {} }
  );
  const { rotation } = read;
  return authorisation.shortfall ? { kind: "short", authorisation, shortfall: authorisation.shortfall, rotation } : { kind: "signed", authorisation, rotation };
}
function describeCountersigned(countersigned, policy, rotation) {
  if (countersigned.kind !== "signed" && countersigned.kind !== "short") return "no countersignature yet";
  const a = countersigned.authorisation;
  const logged = (v) => v.log ? `, logged at ${v.log.origin} #${v.log.index}` : "";
  const usual = `${a.organisations.length} of ${policy.threshold} required organisation(s)`;
  const head = a.authorisedBy === "fallback" ? (
    // Stryker disable next-line ArrayDeclaration: equivalent, never undefined here (see above)
    `authorised by the fallback signer set (${(a.fallbackOrganisations ?? []).join(", ")}); usual countersigners: ${usual}`
  ) : usual;
  const pop = a.newKeys && rotation ? (
    // Stryker disable next-line ArrayDeclaration: equivalent, newOrganisations is set with newKeys (see above)
    `; new policy: ${(a.newOrganisations ?? []).length} of ${rotation.policy.threshold} organisation(s), added key(s) proved: ${a.newKeys.join(", ") || "none"}`
  ) : "";
  return `${head}: ${a.valid.map((v) => `${v.organisation} (${v.name}${logged(v)})`).join(", ")}${pop}`;
}
function countersignatureInputs(parsed) {
  return parsed.bundle.countersignatures.map((c, i) => {
    const statement2 = parsed.statements[i];
    const signature = parsed.signatures[i];
    if (!statement2 || !signature)
      throw new Error(`parseBundleFile: countersignature ${i} has no decoded statement or signature`);
    return { keyId: c.keyId, statement: statement2, signature, ...c.logProof ? { logProof: c.logProof } : {} };
  });
}

// src/lib/pipeline/steps/statement.ts
init_buffer();

// src/lib/checks/statement/rollback.ts
init_buffer();
function checkNotRolledBack(state, stream, version, statementDigest) {
  const last = Object.hasOwn(state.streams, stream) ? state.streams[stream] : void 0;
  if (!last) return;
  if (version < last.version) {
    throw new VerificationError(
      "statement-rollback",
      `version ${version} of ${stream} is older than the last accepted version ${last.version}`,
      {
        expected: `version >= ${last.version}`,
        found: String(version)
      }
    );
  }
  if (version === last.version && statementDigest !== last.statementDigest) {
    throw new VerificationError(
      "statement-version-reused",
      `version ${version} of ${stream} was already accepted for a different statement`,
      {
        expected: `statement sha256:${last.statementDigest}`,
        found: `statement sha256:${statementDigest}`
      }
    );
  }
}
var MAX_FIRST_VERSION = 2 ** 45;
function checkVersionStep(state, stream, version, maxStep) {
  const last = Object.hasOwn(state.streams, stream) ? state.streams[stream] : void 0;
  if (!last || version - last.version <= maxStep) return;
  throw new VerificationError(
    "statement-version-step",
    `version ${version} of ${stream} is ${version - last.version} above the last accepted version ${last.version}, more than the policy's maxVersionStep of ${maxStep}`,
    {
      expected: `version <= ${last.version + maxStep}`,
      found: String(version)
    }
  );
}
function checkPolicyNotRolledBack(state, policyVersion) {
  if (policyVersion < (state.policyVersion ?? 0)) {
    throw new VerificationError(
      "policy-rollback",
      `the policy is version ${policyVersion}, older than version ${state.policyVersion} this client already verified under (a rotated-out policy put back?)`,
      {
        expected: `policy version >= ${state.policyVersion}`,
        found: String(policyVersion)
      }
    );
  }
}

// src/lib/checks/statement/statement.ts
init_buffer();
function checkStatement(statement2, policy, now) {
  const p = statement2.predicate;
  const skewMs = policy.limits.clockSkewSeconds * 1e3;
  if (!policy.kinds.includes(p.kind)) {
    throw new VerificationError("statement-kind", `kind ${p.kind} is not allowed by the policy`, {
      expected: policy.kinds.join(", "),
      found: p.kind
    });
  }
  if (!policy.streams.includes(p.stream)) {
    throw new VerificationError("statement-stream", `stream ${p.stream} is not allowed by the policy`, {
      expected: policy.streams.join(", "),
      found: p.stream
    });
  }
  const issued = Date.parse(p.issuedAt);
  const expires = Date.parse(p.expiresAt);
  if (issued > now.getTime() + skewMs) {
    throw new VerificationError(
      "statement-not-yet-valid",
      `the statement was issued at ${p.issuedAt}, in the future (now ${rfc3339(now)})`,
      {
        expected: `issuedAt <= ${rfc3339(now)} (+${policy.limits.clockSkewSeconds}s skew)`,
        found: p.issuedAt
      }
    );
  }
  if (expires + skewMs <= now.getTime()) {
    throw new VerificationError("statement-expired", `the statement expired at ${p.expiresAt} (now ${rfc3339(now)})`, {
      expected: `expiresAt > ${rfc3339(now)} (-${policy.limits.clockSkewSeconds}s skew)`,
      found: p.expiresAt
    });
  }
  const lifetime = (expires - issued) / 1e3;
  if (lifetime > policy.limits.maxStatementLifetimeSeconds) {
    throw new VerificationError(
      "statement-lifetime",
      `the statement lives ${lifetime}s, longer than the policy's maximum of ${policy.limits.maxStatementLifetimeSeconds}s`,
      {
        expected: `expiresAt - issuedAt <= ${policy.limits.maxStatementLifetimeSeconds}s`,
        found: `${lifetime}s`
      }
    );
  }
}

// src/lib/checks/statement/expectation.ts
init_buffer();
function checkExpected(statement2, expect) {
  const p = statement2.predicate;
  if (p.stream !== expect.stream) {
    throw new VerificationError(
      "statement-stream-unexpected",
      `stream ${p.stream} is allowed by the policy but is not the stream this verification expects (${expect.stream}): a bundle of another stream is never a release of this one`,
      {
        expected: expect.stream,
        found: p.stream
      }
    );
  }
  if (expect.kind !== void 0 && p.kind !== expect.kind) {
    throw new VerificationError(
      "statement-kind-unexpected",
      `kind ${p.kind} is allowed by the policy but is not the kind this verification expects (${expect.kind})`,
      {
        expected: expect.kind,
        found: p.kind
      }
    );
  }
}

// src/lib/checks/statement/rotation-versions.ts
init_buffer();
function checkRotationVersions(current, next2, statementVersion) {
  const expected = current.version + 1;
  if (next2.version <= current.version) {
    throw new VerificationError(
      "rotation-downgrade",
      `the rotation installs policy version ${next2.version}, not newer than the current version ${current.version}`,
      {
        expected: `new policy version ${expected}`,
        found: String(next2.version)
      }
    );
  }
  if (next2.version > expected) {
    throw new VerificationError(
      "rotation-gap",
      `the rotation installs policy version ${next2.version}, skipping from the current version ${current.version}: rotations go one version at a time`,
      {
        expected: `new policy version ${expected}`,
        found: String(next2.version)
      }
    );
  }
  if (statementVersion !== next2.version) {
    throw new VerificationError(
      "rotation-statement-version",
      `the rotation statement has version ${statementVersion}, but the policy it installs has version ${next2.version}`,
      {
        expected: `statement version ${next2.version}`,
        found: String(statementVersion)
      }
    );
  }
}

// src/lib/pipeline/steps/statement.ts
function statement(parsed, rotation, policy, options) {
  const st = parsed.statement;
  if (options.state) checkPolicyNotRolledBack(options.state, policy.version);
  checkStatement(st, policy, options.now);
  if (options.expect) checkExpected(st, options.expect);
  if (isRotation(st))
    checkRotationVersions(policy, rotation?.policy ?? { version: st.predicate.version }, st.predicate.version);
  if (options.state)
    checkNotRolledBack(options.state, st.predicate.stream, st.predicate.version, parsed.statementDigest);
  if (options.state && !isRotation(st))
    checkVersionStep(options.state, st.predicate.stream, st.predicate.version, policy.limits.maxVersionStep);
  return st;
}
function describeStatement(st) {
  return `${st.predicate.kind} ${st.predicate.stream} v${st.predicate.version}, expires ${st.predicate.expiresAt}`;
}

// src/lib/pipeline/steps/subjects.ts
init_buffer();

// src/lib/checks/statement/subjects.ts
init_buffer();
function compareSubjects(subjects2, artifacts) {
  const expected = new Map(subjects2.map((s) => [s.name, s.digest.sha256]));
  const seen = /* @__PURE__ */ new Set();
  for (const a of artifacts) {
    const digest = expected.get(a.name);
    if (digest === void 0) {
      throw new VerificationError("subject-unexpected-file", `${a.name} is not a subject of the statement`, {
        expected: "one of the statement's subjects",
        found: a.name
      });
    }
    if (digest !== a.digest.sha256) {
      throw new VerificationError("subject-digest", `${a.name}: the file's digest differs from the signed one`, {
        expected: `sha256:${digest}`,
        found: `sha256:${a.digest.sha256}`
      });
    }
    seen.add(a.name);
  }
  const missing = subjects2.filter((s) => !seen.has(s.name)).map((s) => s.name);
  if (missing.length > 0) {
    throw new VerificationError(
      "subject-missing",
      `${missing.length} subject(s) of the statement are not among the files: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", \u2026" : ""}`,
      {
        expected: `${subjects2.length} file(s)`,
        found: `${artifacts.length} file(s)`
      }
    );
  }
}

// src/lib/pipeline/steps/subjects.ts
function subjects(statement2, artifacts) {
  if (!artifacts) return { kind: "not-checked" };
  compareSubjects(statement2.subject, artifacts);
  return { kind: "matched", files: artifacts.length };
}
function describeSubjects(checked) {
  return checked.kind === "not-checked" ? "no files given: not checked" : `${checked.files} file(s) match the statement's subjects`;
}

// src/lib/pipeline/run.ts
function runPipeline(bytes, options) {
  return Promise.resolve().then(() => runChecks(bytes, options));
}
function runChecks(bytes, options) {
  const { policy } = options;
  const now = options.now ?? /* @__PURE__ */ new Date();
  const what = options.what ?? "bundle";
  const requireThreshold = !options.forCountersigning;
  const r = new ReportBuilder(policy);
  const envelope = attempt(() => parseEnvelope(bytes, policy, what));
  if (!envelope.ok) {
    r.failed("parse", envelope.error);
    return r.rejected({});
  }
  const verifiedPrimary = attempt(() => primary(envelope.value, options.trust ?? trustMaterialOf(policy)));
  if (!verifiedPrimary.ok) {
    r.record("parse", pass(describeEnvelope(envelope.value, bytes.byteLength)));
    r.failed("primary", verifiedPrimary.error);
    return r.rejected({});
  }
  const parsed = r.check(
    "parse",
    () => readStatement(envelope.value, policy, what),
    (p) => pass(describeParsed(p, bytes.byteLength))
  );
  if (!parsed) return r.rejected({});
  const primaryResult = verifiedPrimary.value;
  r.record("primary", pass(describePrimary(primaryResult)));
  const signer = r.check(
    "primary-identity",
    () => primaryIdentity(primaryResult, policy),
    (s) => pass(describeSigner(s))
  );
  if (!signer) return r.rejected({ parsed, primary: primaryResult });
  const countersigned = r.check(
    "countersignatures",
    () => countersignatures(parsed, primaryResult, policy, { now, requireThreshold, what }),
    (c) => c.kind === "pending" ? {
      result: "pending",
      message: describeCountersigned(c, policy, c.rotation),
      code: "countersignature-missing",
      expected: `${policy.threshold} organisation(s)`,
      found: "none"
    } : c.kind === "short" ? { result: "fail", error: c.shortfall } : pass(describeCountersigned(c, policy, c.rotation))
  );
  if (!countersigned || countersigned.kind === "short")
    return r.rejected({ parsed, primary: primaryResult, ...countersigned ? { countersigned } : {} });
  const established = { parsed, primary: primaryResult, countersigned };
  if (!r.check(
    "statement",
    () => statement(parsed, countersigned.rotation, policy, { now, state: options.state, expect: options.expect }),
    (st) => pass(describeStatement(st))
  ))
    return r.rejected(established);
  if (!r.check(
    "subjects",
    () => subjects(parsed.statement, options.artifacts),
    // No files given: nothing was compared, and the report says so rather than "pass" (issue 14 #10).
    (s) => s.kind === "not-checked" ? { result: "not-checked", message: describeSubjects(s) } : pass(describeSubjects(s))
  ))
    return r.rejected(established);
  if (countersigned.kind === "pending") return r.pending(established);
  return r.verified({ parsed, primary: primaryResult, signer, countersigned });
}
function attempt(run) {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (error instanceof VerificationError || error instanceof InputError) return { ok: false, error };
    throw error;
  }
}
function pass(message2) {
  return { result: "pass", message: message2 };
}
var TITLES = Object.fromEntries(CHECKS.map((c) => [c.name, c.title]));
var ReportBuilder = class {
  policy;
  entries = [];
  failure;
  constructor(policy) {
    this.policy = policy;
  }
  /**
   * Runs one check: its value, or undefined when it threw a typed error (InputError or
   * VerificationError; anything else is a bug and propagates). A value whose verdict is a failure
   * is returned too: the countersignatures check's shortfall still says who signed.
   */
  check(check, run, verdict) {
    const a = attempt(run);
    if (!a.ok) {
      this.failed(check, a.error);
      return void 0;
    }
    this.record(check, verdict(a.value));
    return a.value;
  }
  /** The entry of a check that ran outside `check` (parse and primary run in the order of authentication, above). */
  record(check, v) {
    const title = TITLES[check];
    if (v.result === "fail") this.fail(check, title, v.error);
    else if (v.result === "pending")
      this.entries.push({
        check,
        title,
        result: "pending",
        message: v.message,
        code: v.code,
        expected: v.expected,
        found: v.found
      });
    else this.entries.push({ check, title, result: v.result, message: v.message });
  }
  /** The failed entry of a check that ran outside `check`. */
  failed(check, err) {
    this.fail(check, TITLES[check], err);
  }
  fail(check, title, err) {
    const entry = { check, title, result: "fail", code: err.code, message: err.message };
    const details = err;
    if (details.expected !== void 0) entry.expected = details.expected;
    if (details.found !== void 0) entry.found = details.found;
    this.entries.push(entry);
    this.failure = { check, code: err.code, message: err.message };
  }
  rejected(established) {
    const ran = new Set(this.entries.map((e) => e.check));
    const skipped = CHECKS.filter((c) => !ran.has(c.name)).map((c) => ({
      check: c.name,
      title: c.title,
      result: "skipped",
      message: "not run: an earlier check failed"
    }));
    const report = {
      ...this.report("rejected", [...this.entries, ...skipped], established),
      ...this.failure ? { failure: this.failure } : {}
    };
    return { report, ...fields(established) };
  }
  pending(established) {
    return {
      report: { ...this.report("pending-countersign", this.entries, established), ...this.rotation(established) },
      ...fields(established)
    };
  }
  verified(verified) {
    const { parsed } = verified;
    const established = { parsed, primary: verified.primary, countersigned: verified.countersigned };
    return {
      report: { ...this.report("verified", this.entries, established), ...this.rotation(established) },
      ...fields(established),
      primary: verified.primary,
      statement: parsed.statement,
      statementBytes: parsed.statementBytes,
      bundle: parsed.bundle,
      verified
    };
  }
  /** The report's keys in the order `verify --json` has always printed them: outcome, checks, statement, primary, countersigners (then failure or rotation). */
  report(outcome, checks, { parsed, primary: primary2, countersigned }) {
    const authorisation = authorisationOf(countersigned);
    return {
      outcome,
      checks,
      ...parsed ? { statement: statementSummary(parsed) } : {},
      ...primary2 ? { primary: primarySummary(primary2) } : {},
      // Also when too few organisations signed: the report says who did.
      ...authorisation ? { countersigners: countersignersSummary(authorisation, this.policy.threshold) } : {}
    };
  }
  /** For an authority rotation that was not rejected: the versions, the new policy's digest, who authorised it, the keys it adds. */
  rotation({ parsed, countersigned }) {
    const subject = parsed.statement.subject[0];
    if (!isRotation(parsed.statement) || !subject) return {};
    const authorisation = authorisationOf(countersigned);
    const { policy } = this;
    return {
      rotation: {
        fromVersion: policy.version,
        toVersion: parsed.statement.predicate.version,
        policyDigest: `sha256:${subject.digest.sha256}`,
        authorisedBy: authorisation?.authorisedBy ?? "none",
        addedKeys: authorisation?.newKeys ?? []
      }
    };
  }
};
function authorisationOf(countersigned) {
  return countersigned?.kind === "signed" || countersigned?.kind === "short" ? countersigned.authorisation : void 0;
}
function fields({ parsed, primary: primary2, countersigned }) {
  const authorisation = authorisationOf(countersigned);
  return {
    ...primary2 ? { primary: primary2 } : {},
    ...parsed ? { statement: parsed.statement, statementBytes: parsed.statementBytes, bundle: parsed.bundle } : {},
    ...countersigned?.rotation ? { rotation: countersigned.rotation } : {},
    ...authorisation ? { authorisation } : {}
  };
}
function statementSummary(parsed) {
  const st = parsed.statement;
  return {
    digest: `sha256:${parsed.statementDigest}`,
    kind: st.predicate.kind,
    stream: st.predicate.stream,
    version: st.predicate.version,
    issuedAt: st.predicate.issuedAt,
    expiresAt: st.predicate.expiresAt,
    subjects: st.subject.map((s) => ({ name: s.name, digest: `sha256:${s.digest.sha256}` }))
  };
}
function primarySummary(p) {
  return {
    identity: p.signer.identity,
    issuer: p.signer.issuer,
    claims: { ...p.signer.extensions },
    time: p.verifiedTime.toISOString()
  };
}
function countersignersSummary(a, threshold) {
  return {
    signed: a.valid,
    organisations: a.organisations,
    missing: a.missing,
    threshold,
    // authorise() sets fallbackOrganisations whenever authorisedBy is 'fallback'.
    ...a.authorisedBy === "fallback" ? (
      // Stryker disable next-line ArrayDeclaration: equivalent, never undefined here (see above)
      { authorisedBy: "fallback", fallbackOrganisations: a.fallbackOrganisations ?? [] }
    ) : {}
  };
}

// src/lib/flows/gate/gate.ts
async function gate(bundle, input) {
  const expected = expectationFor(
    input.policy,
    input.expect,
    input.expectNames ?? { stream: "expect.stream", kind: "expect.kind" }
  );
  const { report } = await runPipeline(bundle, { ...input, expect: expected });
  if (report.outcome !== "verified" || !report.statement) return { report, expected };
  return { report, newState: acceptedState(input.state, report.statement, input.policy), expected };
}
function expectationFor(policy, expect, names) {
  const list = (items) => items.slice(0, 8).join(", ") + (items.length > 8 ? ", \u2026" : "");
  const kind = expect?.kind;
  const stream = expect?.stream ?? (policy.streams.length === 1 ? policy.streams[0] : void 0);
  if (stream === void 0) {
    throw new InputError(
      "expected-stream-missing",
      `the policy allows ${policy.streams.length} streams (${list(policy.streams)}): say which one you expect with ${names.stream}`
    );
  }
  if (!policy.streams.includes(stream)) {
    throw new InputError(
      "expected-not-allowed",
      `${names.stream} names a stream the policy does not allow: ${JSON.stringify(stream.slice(0, 200))} (it allows ${list(policy.streams)})`
    );
  }
  if (kind !== void 0 && !policy.kinds.includes(kind)) {
    throw new InputError(
      "expected-not-allowed",
      `${names.kind} names a kind the policy does not allow: ${JSON.stringify(kind.slice(0, 200))} (it allows ${list(policy.kinds)})`
    );
  }
  return { stream, ...kind !== void 0 ? { kind } : {} };
}
function acceptedState(state, statement2, policy) {
  return recordAccepted(
    state ?? emptyState(),
    statement2.stream,
    statement2.version,
    statement2.digest.replace(/^sha256:/, ""),
    policy.version
  );
}

// src/client/carried-rotations.ts
init_buffer();

// src/lib/flows/rotation/chain.ts
init_buffer();

// src/lib/basics/errors/codes.ts
init_buffer();
var STRICT_JSON_CODES2 = [
  "too-large",
  "too-deep",
  "malformed-json",
  "duplicate-key",
  "number-out-of-range",
  "key-too-long",
  "string-too-long",
  "too-many-items"
];
var POLICY_CODES = [
  "policy-unreadable",
  "policy-too-large",
  "policy-malformed",
  "policy-duplicate-json-key",
  "policy-unknown-field",
  "policy-unsupported-version",
  "policy-ambiguous",
  "policy-bad-organisation",
  "policy-bad-pattern",
  "policy-bad-key",
  "policy-key-mismatch",
  "policy-duplicate-entry",
  "policy-validity-window",
  "policy-threshold",
  "policy-unknown-kind",
  "policy-limit-out-of-range",
  "policy-source-repository-unpinned"
];
var BUNDLE_PARSE_CODES = [
  "bundle-malformed",
  "bundle-unsupported-version",
  "primary-malformed",
  "statement-malformed",
  "statement-unknown-field",
  "statement-unsupported-type",
  "statement-unknown-kind",
  "statement-duplicate-subject",
  "statement-unsorted-subjects",
  "statement-too-many-subjects",
  "statement-bad-time",
  "statement-too-large"
];
var INPUT_CODES = [
  // The parse check (FORMAT.md §9) and the rotation walk (ROTATION.md §7).
  ...BUNDLE_PARSE_CODES,
  "rotation-policy-digest",
  "rotation-policy-malformed",
  "rotation-not-rotation",
  "countersignature-malformed",
  // Documents read beside a bundle (FORMAT.md §9.3).
  "state-malformed",
  "trusted-root-malformed",
  "trusted-root-unsupported-version",
  "key-malformed",
  "artifact-required",
  "artifact-digest",
  // Inputs to `build` (FORMAT.md §9.3).
  "subject-path-invalid",
  "subject-outside-base",
  "subject-not-regular",
  "subject-duplicate",
  "subject-too-many",
  "subject-empty",
  "subject-unreadable",
  "subject-changed",
  "fleet-keys-malformed",
  "fleet-keys-duplicate",
  "fleet-keys-bad-key",
  "bad-stream",
  "bad-version",
  "bad-expiry",
  "bad-duration",
  "bad-time",
  "rotation-downgrade",
  "rotation-gap",
  // Countersigner keys (ED25519.md §6).
  "key-pem",
  "key-encoding",
  "key-algorithm",
  "key-encrypted",
  "key-invalid",
  "key-too-large",
  "key-unreadable",
  "key-permissions",
  "key-exists",
  "key-unwritable",
  "ed25519-private-key",
  "ed25519-message",
  // Signing, the services, the client library, the surfaces (ERRORS.md).
  "input-unreadable",
  "input-changed",
  "no-identity-token",
  "bad-identity-token",
  "identity-token-request-failed",
  "bad-service-url",
  "sigstore-instance-invalid",
  "sigstore-service-failed",
  "signing-config-invalid",
  "signed-bundle-unverifiable",
  "service-unavailable",
  "service-response-too-large",
  "service-bad-response",
  "expect-malformed",
  "log-key-malformed",
  "trusted-root-mismatch",
  "artifacts-malformed",
  "artifacts-too-many",
  "input-malformed",
  "expected-stream-missing",
  "expected-not-allowed",
  "usage",
  "bad-option",
  "bad-listen",
  "bad-origin",
  "log-key-origin",
  "output-exists",
  "output-unwritable",
  "input-missing",
  "input-invalid",
  "github-api-failed",
  "release-asset-missing",
  "release-ambiguous",
  "service-client-missing",
  "countersigner-not-pinned",
  "listen-failed",
  "log-storage-inconsistent",
  // The service's storage at start and on commit (ERRORS.md §10).
  "log-storage-locked",
  "log-storage-unreadable",
  "disk-full",
  "witness-state-invalid",
  // Fetching a trusted root through TUF (ERRORS.md §8).
  "tuf-mirror-unreachable",
  "tuf-metadata-expired",
  "tuf-bad-signature",
  "tuf-target-missing",
  "tuf-target-mismatch",
  "tuf-metadata-invalid",
  // Keys in PKCS#11 tokens, where key and policy files may live (ERRORS.md §9).
  "pkcs11-uri-malformed",
  "pkcs11-unavailable",
  "pkcs11-module",
  "pkcs11-pin",
  "pkcs11-token-missing",
  "pkcs11-token-ambiguous",
  "pkcs11-object-missing",
  "pkcs11-object-ambiguous",
  "pkcs11-object-exists",
  "pkcs11-key-type",
  "pkcs11-key-mismatch",
  "pkcs11-token-error",
  "key-in-environment",
  "policy-file-unsafe"
];
var VERIFICATION_CODES = [
  // Checks primary, primary-identity (FORMAT.md §9).
  "primary-malformed",
  "primary-unsupported-version",
  "primary-not-dsse",
  "primary-signature",
  "primary-certificate",
  "primary-key",
  "primary-tlog",
  "primary-timestamp",
  "primary-too-many-entries",
  "primary-duplicate-entry",
  "primary-artifact",
  "primary-issuer",
  "primary-identity",
  "primary-claim",
  "primary-source-repository",
  // Check countersignatures.
  "countersignature-missing",
  "countersignature-duplicate",
  "countersignature-unpinned-key",
  "countersignature-signature",
  "countersignature-malformed",
  "countersignature-binding",
  "countersignature-key-not-yet-valid",
  "countersignature-key-expired",
  "countersignature-time",
  "countersignature-log-missing",
  "countersignature-log-checkpoint",
  "countersignature-log-inclusion",
  "log-witness-cosignature",
  "log-witness-threshold",
  "countersignature-fallback-not-rotation",
  "countersignature-threshold",
  "rotation-proof-of-possession",
  "rotation-new-threshold",
  // Check statement.
  "policy-rollback",
  "statement-kind",
  "statement-stream",
  "statement-stream-unexpected",
  "statement-kind-unexpected",
  "statement-not-yet-valid",
  "statement-expired",
  "statement-lifetime",
  "rotation-downgrade",
  "rotation-gap",
  "rotation-statement-version",
  "statement-rollback",
  "statement-version-reused",
  "statement-version-step",
  // Check subjects.
  "subject-unexpected-file",
  "subject-digest",
  "subject-missing",
  // The audit and signed notes (FORMAT.md §9.2).
  "log-inconsistent",
  "log-entry-not-in-tree",
  "log-entries-missing",
  "log-note-malformed",
  "log-note-signature",
  "log-checkpoint-malformed",
  "log-checkpoint-origin",
  "log-key-malformed",
  // Countersigning and the service client (ERRORS.md).
  "countersigner-not-pinned",
  "countersign-refused",
  "rotation-needs-review",
  "rotation-approval-mismatch",
  "service-refused",
  "artifact-not-subject"
];
var ROTATION_CODES = [
  "rotation-downgrade",
  "rotation-gap",
  "rotation-fork",
  "rotation-chain-too-long"
];
var REFUSAL_CODES = [
  "bad-request",
  "bad-range",
  "not-found",
  "method-not-allowed",
  "unsupported-media-type",
  "too-large",
  "statement-rollback",
  "rotation-needs-review",
  "overloaded",
  "rate-limited",
  "internal-error"
];
var ERROR_CODES = {
  StrictJsonError: STRICT_JSON_CODES2,
  PolicyError: POLICY_CODES,
  InputError: INPUT_CODES,
  VerificationError: VERIFICATION_CODES,
  RotationError: ROTATION_CODES,
  Refusal: REFUSAL_CODES
};
var ALL = new Set(Object.values(ERROR_CODES).flat());
function isErrorCode(value) {
  return typeof value === "string" && ALL.has(value);
}
function carried(code) {
  if (!isErrorCode(code)) throw new TypeError(`not an error code: ${JSON.stringify(code)}`);
  return code;
}

// src/lib/flows/rotation/chain.ts
var MAX_ROTATIONS = 64;
var MAX_ROTATION_CHAIN_BYTES = 16 * 1024 * 1024;
var RotationError = class extends VerificationError {
  what;
  report;
  constructor(code, what, message2, details = {}) {
    super(code, `${what}: ${message2}`, details);
    this.name = "RotationError";
    this.what = what;
    this.report = details.report;
  }
};
async function followRotations(start, rotations, options = {}) {
  const max = options.maxRotations ?? MAX_ROTATIONS;
  if (rotations.length > max) {
    throw new RotationError(
      "rotation-chain-too-long",
      "rotations",
      `${rotations.length} rotations given, more than the cap of ${max}`,
      { expected: `at most ${max}`, found: String(rotations.length) }
    );
  }
  const maxBytes = options.maxChainBytes ?? MAX_ROTATION_CHAIN_BYTES;
  const total = rotations.reduce((n, r) => n + r.bytes.byteLength, 0);
  if (total > maxBytes) {
    throw new RotationError(
      "rotation-chain-too-long",
      "rotations",
      `${total} bytes of rotations given, more than the cap of ${maxBytes} bytes`,
      { expected: `at most ${maxBytes} bytes`, found: `${total} bytes` }
    );
  }
  if (options.state) checkPolicyNotRolledBack(options.state, start.policy.version);
  const now = options.now ?? /* @__PURE__ */ new Date();
  const freshness = options.freshness ?? "newest-link";
  const links = [];
  const peek = (i) => links[i] ??= peekLink(rotations[i], start);
  const unused = new Set(rotations.keys());
  const current = start.policy.version;
  let head = start;
  let before = start;
  let newestLink;
  const held = /* @__PURE__ */ new Map([[current, start]]);
  const applied = [];
  for (; ; ) {
    const wanted = head.policy.version + 1;
    const next2 = [...unused].find((i) => peek(i).version === wanted);
    if (next2 === void 0) break;
    unused.delete(next2);
    const link = peek(next2);
    const newest = [...unused].every((i) => links[i] !== void 0 && peek(i).version <= wanted);
    const at = newest && freshness === "newest-link" ? now : timeOf(link, now);
    const { report, installed } = await verifyLink(link, head, at, head === start ? options.trust : void 0);
    applied.push({
      what: link.rotation.what,
      fromVersion: head.policy.version,
      toVersion: wanted,
      digest: installed.digest,
      judgedAt: at,
      expired: link.expiresAt.getTime() <= now.getTime(),
      report
    });
    held.set(wanted, installed);
    before = head;
    head = installed;
    newestLink = link;
  }
  const rest = [...unused].map((i) => peek(i)).sort((a, b) => a.version - b.version);
  const alreadyApplied = [];
  checkHistory(
    rest.filter((l) => l.version <= current),
    start,
    alreadyApplied
  );
  for (const link of rest.filter((l) => l.version > current)) {
    const { rotation, version } = link;
    if (version > head.policy.version) {
      throw new RotationError(
        "rotation-gap",
        rotation.what,
        `installs policy version ${version}, but the current policy is version ${head.policy.version}: the rotation to version ${head.policy.version + 1} is missing`,
        { expected: `a rotation to version ${head.policy.version + 1}`, found: `version ${version}` }
      );
    }
    const have = held.get(version);
    if (have?.digest === link.digest) {
      alreadyApplied.push(rotation.what);
      continue;
    }
    const under = held.get(version - 1);
    if (under) await verifyLink(link, under, timeOf(link, now));
    throw forkError(link, have);
  }
  const last = applied.at(-1);
  if (newestLink && last && freshness === "newest-link" && last.judgedAt !== now) {
    const { report } = await verifyLink(newestLink, before, now, before === start ? options.trust : void 0);
    applied[applied.length - 1] = { ...last, judgedAt: now, report };
  }
  return { result: head, applied, alreadyApplied };
}
function checkHistory(history, start, skipped) {
  const current = start.policy.version;
  const byVersion = /* @__PURE__ */ new Map();
  for (const link of history) {
    const first = byVersion.get(link.version);
    if (link.version === current && link.digest !== start.digest) throw forkError(link, start);
    if (first && first.digest !== link.digest) throw forkError(link, first);
    if (!first) byVersion.set(link.version, link);
  }
  for (const link of history) {
    if (link.version < current) {
      if (!byVersion.has(current))
        throw downgradeError(link, current, `no rotation given installs the pinned policy version ${current}`);
      for (let v = link.version + 1; v < current; v++)
        if (!byVersion.has(v)) throw downgradeError(link, current, `the rotation to version ${v} is missing`);
    }
    skipped.push(link.rotation.what);
  }
}
function downgradeError(link, current, why) {
  return new RotationError(
    "rotation-downgrade",
    link.rotation.what,
    `installs policy version ${link.version}, older than the current version ${current}, and is not part of a history that leads to it (${why})`,
    { expected: `a rotation to version ${current + 1}`, found: `version ${link.version}` }
  );
}
function forkError(link, have) {
  const held = have ? ` (sha256:${have.digest})` : "";
  return new RotationError(
    "rotation-fork",
    link.rotation.what,
    `installs a policy version ${link.version} (sha256:${link.digest}) that differs from the version ${link.version} already held${held}`,
    { ...have ? { expected: `sha256:${have.digest}` } : {}, found: `sha256:${link.digest}` }
  );
}
function timeOf(link, now) {
  return link.signedAt && link.signedAt.getTime() < now.getTime() ? link.signedAt : now;
}
function peekLink(rotation, start) {
  try {
    const parsed = parseBundleFile(rotation.bytes, rotation.what, start.policy.limits.maxBundleBytes);
    const bytes = envelopeStatementBytes(parsed.bundle.primary, rotation.what, { nonCanonical: "refuse" });
    const statement2 = parseStatement(bytes, `${rotation.what} statement`, {
      maxBytes: start.policy.limits.maxBundleBytes,
      maxSubjects: start.policy.limits.maxSubjects
    });
    const subject = statement2.subject[0];
    if (!isRotation(statement2) || !subject)
      throw new InputError(
        "rotation-not-rotation",
        `${rotation.what} statement: expected an authority-rotation statement carrying the new policy, found kind ${statement2.predicate.kind}`
      );
    return {
      rotation,
      version: statement2.predicate.version,
      digest: subject.digest.sha256,
      signedAt: latestSignedAt(parsed.statements, rotation.what),
      expiresAt: new Date(statement2.predicate.expiresAt)
    };
  } catch (err) {
    if (err instanceof InputError)
      throw new RotationError(
        carried(err.code),
        rotation.what,
        err.message.startsWith(rotation.what) ? err.message.slice(rotation.what.length + 2) : err.message
      );
    throw err;
  }
}
function latestSignedAt(statements, what) {
  let latest;
  for (const bytes of statements) {
    let signedAt;
    try {
      signedAt = new Date(parseCountersignatureStatement(bytes, what).signedAt);
    } catch (err) {
      if (err instanceof InputError) continue;
      throw err;
    }
    if (!latest || signedAt > latest) latest = signedAt;
  }
  return latest;
}
async function verifyLink(link, under, at, trust) {
  const { rotation } = link;
  const { report, rotation: installed } = await runPipeline(rotation.bytes, {
    policy: under.policy,
    now: at,
    what: rotation.what,
    ...trust ? { trust } : {}
  });
  if (report.outcome === "verified" && installed) return { report, installed };
  const failure = report.failure ?? {
    check: "countersignatures",
    code: "countersignature-missing",
    message: "no countersignature yet: a rotation must be countersigned"
  };
  const failed = report.checks.find((c) => c.check === failure.check);
  throw new RotationError(
    carried(failure.code),
    rotation.what,
    `rejected under policy version ${under.policy.version} at the ${failure.check} check: ${failure.message}`,
    {
      ...failed?.expected !== void 0 ? { expected: failed.expected } : {},
      ...failed?.found !== void 0 ? { found: failed.found } : {},
      report
    }
  );
}

// src/client/carried-rotations.ts
async function followCarriedRotations(policy, bundle, pinned2, options) {
  if (!(policy instanceof Uint8Array) && typeof policy !== "string")
    throw new InputError(
      "input-malformed",
      `policy: following the rotations a bundle carries needs the pinned policy's exact bytes or text (its digest is compared with the documents the rotations carry), found ${describe(policy)}`
    );
  let carried2;
  try {
    carried2 = parseBundleFile(bundle, "bundle", pinned2.policy.limits.maxBundleBytes).rotations;
  } catch (err) {
    if (err instanceof InputError) return {};
    throw err;
  }
  if (carried2.length === 0) return {};
  const start = policyDocument(
    (policy instanceof Uint8Array ? policy : new TextEncoder().encode(policy)).slice(),
    "pinned policy"
  );
  let walk;
  try {
    walk = await followRotations(
      start,
      carried2.map((bytes, i) => ({ bytes, what: `bundle.rotations[${i}]` })),
      {
        now: options.now,
        freshness: "release",
        trust: pinned2.trust,
        ...options.state ? { state: options.state } : {}
      }
    );
  } catch (err) {
    if (!(err instanceof VerificationError)) throw err;
    return {
      rejected: {
        outcome: "rejected",
        checks: [],
        failure: { check: ROTATION_CHECK, code: err.code, message: err.message }
      }
    };
  }
  if (walk.applied.length === 0) return { walk };
  return { walk, pinned: { policy: walk.result.policy, trust: trustMaterialOf(walk.result.policy) } };
}
var ROTATION_CHECK = "rotation";

// src/client/inputs.ts
init_buffer();
function loadPinnedPolicy(policy, trustedRoot) {
  const parsed = parsePolicy(asText(policy), "pinned policy");
  if (trustedRoot !== void 0) checkTrustedRootMatches(parsed, trustedRoot);
  return { policy: parsed, trust: loadTrustedRoot(parsed.trustedRoot, "pinned policy trustedRoot") };
}
function checkTrustedRootMatches(policy, trustedRoot) {
  const given = canonicalJson(
    parseStrictJson(asText(trustedRoot), "pinned trusted root", { maxBytes: TRUSTED_ROOT_MAX_BYTES, maxDepth: 32 })
  );
  if (given !== canonicalJson(policy.trustedRoot)) {
    throw new InputError(
      "trusted-root-mismatch",
      "pinned trusted root: expected the trusted root the pinned policy embeds (policy.trustedRoot), found a different one"
    );
  }
}
function readState(state) {
  if (state === void 0 || state === null) return void 0;
  const bytes = state instanceof Uint8Array ? state : new TextEncoder().encode(asText(state));
  return parseState(bytes, "client state");
}
function artifactSubjects(artifacts, maxCount) {
  const list = artifacts;
  if (!Array.isArray(list))
    throw new InputError("artifacts-malformed", `artifacts: expected an array, found ${describe(list)}`);
  if (artifacts.length > maxCount)
    throw new InputError(
      "artifacts-too-many",
      `artifacts: expected at most ${maxCount} (the policy's maxSubjects), found ${artifacts.length}`
    );
  const seen = /* @__PURE__ */ new Set();
  return artifacts.map((a, i) => {
    const at = `artifacts[${i}]`;
    const item = a;
    if (typeof item !== "object" || item === null || !("name" in item) || typeof item.name !== "string")
      throw new InputError("artifacts-malformed", `${at}: expected { name, bytes } or { name, sha256 }`);
    const { name } = item;
    const problem = subjectNameProblem(name);
    if (problem)
      throw new InputError("artifacts-malformed", `${at}: the name ${JSON.stringify(name.slice(0, 200))} ${problem}`);
    if (seen.has(name))
      throw new InputError(
        "artifacts-malformed",
        `${at}: expected each name once, found ${JSON.stringify(name)} again`
      );
    seen.add(name);
    return { name, digest: { sha256: digestOf(a, at) } };
  });
}
function digestOf(a, at) {
  if ("bytes" in a) {
    if (!(a.bytes instanceof Uint8Array))
      throw new InputError("artifacts-malformed", `${at}.bytes: expected a Uint8Array, found ${describe(a.bytes)}`);
    return sha256Hex(a.bytes);
  }
  const { sha256: sha2562 } = a;
  if (sha2562 instanceof Uint8Array) {
    if (sha2562.length !== 32)
      throw new InputError("artifacts-malformed", `${at}.sha256: expected 32 bytes, found ${sha2562.length}`);
    return Array.from(sha2562, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  if (typeof sha2562 !== "string" || !SHA256_HEX.test(sha2562)) {
    throw new InputError(
      "artifacts-malformed",
      `${at}.sha256: expected 64 lowercase hex digits or 32 bytes, found ${describe(sha2562)}`
    );
  }
  return sha2562;
}
function asText(input) {
  if (typeof input === "string") return input;
  if (input instanceof Uint8Array) {
    try {
      return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(input);
    } catch {
      throw new InputError("input-malformed", "expected UTF-8 JSON bytes, found invalid UTF-8");
    }
  }
  const value = input;
  if (typeof value === "object" && value !== null) return jsonText(value);
  throw new InputError("input-malformed", `expected bytes, text or a parsed JSON object, found ${describe(input)}`);
}
function jsonText(value) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch (err) {
    throw new InputError(
      "input-malformed",
      `expected a parsed JSON value, found one that is not JSON (${err instanceof RangeError ? "nested too deeply" : "a cycle or a BigInt"})`
    );
  }
  if (typeof text !== "string")
    throw new InputError("input-malformed", "expected a parsed JSON value, found one that serialises to nothing");
  return text;
}
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value);
}

// src/client/verify.ts
var pinned = /* @__PURE__ */ new WeakSet();
function pinPolicy(policy, trustedRoot) {
  const result = Object.freeze(loadPinnedPolicy(policy, trustedRoot));
  pinned.add(result);
  return result;
}
async function verifyBundle(input) {
  try {
    const raw = input;
    if (typeof raw !== "object" || raw === null)
      throw new InputError("input-malformed", `input: expected { bundle, policy, ... }, found ${describe(raw)}`);
    const pinnedPolicy = isPinned(input.policy) ? input.policy : pinPolicy(input.policy, input.trustedRoot);
    if (isPinned(input.policy) && input.trustedRoot !== void 0)
      checkTrustedRootMatches(pinnedPolicy.policy, input.trustedRoot);
    const state = readState(input.state);
    const artifacts = input.artifacts === void 0 ? void 0 : artifactSubjects(input.artifacts, pinnedPolicy.policy.limits.maxSubjects);
    const bytes = typeof input.bundle === "string" ? new TextEncoder().encode(input.bundle) : input.bundle;
    if (!(bytes instanceof Uint8Array))
      throw new InputError("input-malformed", `bundle: expected bytes or text, found ${describe(bytes)}`);
    const expect = expectation(input.expect);
    const now = input.now;
    if (now !== void 0 && (!(now instanceof Date) || Number.isNaN(now.getTime())))
      throw new InputError("input-malformed", "now: expected a valid Date");
    const what = input.what ?? "bundle";
    if (typeof what !== "string")
      throw new InputError("input-malformed", `what: expected a string, found ${describe(what)}`);
    let carried2;
    const follow = input.followRotations;
    if (follow !== void 0 && typeof follow !== "boolean")
      throw new InputError("input-malformed", `followRotations: expected a boolean, found ${describe(follow)}`);
    if (follow === true) {
      carried2 = await followCarriedRotations(input.policy, bytes, pinnedPolicy, { state, now: now ?? /* @__PURE__ */ new Date() });
      if (carried2.rejected) return { report: carried2.rejected };
    }
    const { policy, trust } = carried2?.pinned ?? pinnedPolicy;
    const { report, newState, expected } = await gate(bytes, {
      policy,
      trust,
      state,
      artifacts,
      what,
      expect,
      ...now ? { now } : {}
    });
    const followed = carried2?.walk ? { rotations: { applied: carried2.walk.applied, alreadyApplied: carried2.walk.alreadyApplied } } : {};
    if (!newState) return { report, expected, ...followed };
    const installed = carried2?.walk?.applied.length ? carried2.walk.result : void 0;
    return {
      report,
      newState: serializeState(newState),
      expected,
      ...installed ? { policy: { bytes: installed.bytes, version: installed.policy.version, digest: installed.digest } } : {},
      ...followed
    };
  } catch (err) {
    if (!(err instanceof InputError) && !(err instanceof VerificationError)) throw err;
    return { report: { outcome: "error", checks: [] }, error: { code: err.code, message: err.message } };
  }
}
function expectation(value) {
  if (value === void 0 || value === null) return void 0;
  if (typeof value !== "object" || Array.isArray(value))
    throw new InputError("input-malformed", `expect: expected { stream, kind }, found ${describe(value)}`);
  const { stream, kind } = value;
  if (stream !== void 0 && typeof stream !== "string")
    throw new InputError("input-malformed", `expect.stream: expected a string, found ${describe(stream)}`);
  if (kind !== void 0 && typeof kind !== "string")
    throw new InputError("input-malformed", `expect.kind: expected a string, found ${describe(kind)}`);
  return { stream, kind };
}
function isPinned(value) {
  return typeof value === "object" && value !== null && pinned.has(value);
}

// src/client/subject.ts
init_buffer();
function isVerifiedSubject(result, artifact) {
  const given = result;
  const file = artifact;
  if (!isObject2(given) || !isObject2(given.report) || given.report.outcome !== "verified") return false;
  const { statement: statement2 } = given.report;
  const { expected } = given;
  if (!isObject2(statement2) || !Array.isArray(statement2.subjects) || !isObject2(expected) || typeof expected.stream !== "string")
    return false;
  if (statement2.stream !== expected.stream || expected.kind !== void 0 && statement2.kind !== expected.kind)
    return false;
  if (!isObject2(file) || typeof file.name !== "string") return false;
  let digest;
  try {
    digest = `sha256:${digestOf(file, "artifact")}`;
  } catch (err) {
    if (err instanceof InputError) return false;
    throw err;
  }
  const { name } = file;
  return statement2.subjects.some((s) => isObject2(s) && s.name === name && s.digest === digest);
}
function isObject2(value) {
  return typeof value === "object" && value !== null;
}

// src/client/rotations.ts
init_buffer();
async function followPolicyRotations(input) {
  try {
    const raw = input;
    if (typeof raw !== "object" || raw === null)
      throw new InputError("input-malformed", `input: expected { policy, rotations }, found ${describe(raw)}`);
    const start = policyDocument(exactBytes(input.policy, "policy").slice(), "pinned policy");
    const rotations = rotationInputs(input.rotations);
    const state = readState(input.state);
    const now = input.now ?? /* @__PURE__ */ new Date();
    if (!(now instanceof Date) || Number.isNaN(now.getTime()))
      throw new InputError("input-malformed", "now: expected a valid Date");
    const walk = await followRotations(start, rotations, { now, ...state ? { state } : {} });
    const { result } = walk;
    return {
      outcome: walk.applied.length > 0 ? "updated" : "unchanged",
      policy: result.bytes,
      version: result.policy.version,
      digest: result.digest,
      // The CLI's order (spec/ROTATION.md §5): the policy is written first, then this.
      newState: serializeState(recordPolicyVersion(state ?? emptyState(), result.policy.version)),
      applied: walk.applied,
      alreadyApplied: walk.alreadyApplied
    };
  } catch (err) {
    if (err instanceof VerificationError) return { outcome: "rejected", failure: failureOf(err) };
    if (err instanceof InputError) return { outcome: "error", error: { code: err.code, message: err.message } };
    throw err;
  }
}
function failureOf(err) {
  const rotation = err instanceof RotationError && err.what !== "rotations" ? err.what : void 0;
  const report = err instanceof RotationError ? err.report : void 0;
  return {
    code: err.code,
    message: err.message,
    ...rotation !== void 0 ? { rotation } : {},
    ...err.expected !== void 0 ? { expected: err.expected } : {},
    ...err.found !== void 0 ? { found: err.found } : {},
    ...report ? { report } : {}
  };
}
function rotationInputs(rotations) {
  if (!Array.isArray(rotations))
    throw new InputError("input-malformed", `rotations: expected an array of bundles, found ${describe(rotations)}`);
  if (rotations.length > MAX_ROTATIONS)
    return rotations.map((_, i) => ({ bytes: new Uint8Array(), what: `rotations[${i}]` }));
  return rotations.map((r, i) => {
    const at = `rotations[${i}]`;
    if (r instanceof Uint8Array || typeof r === "string") return { bytes: exactBytes(r, at), what: at };
    if (typeof r === "object" && r !== null && typeof r.name === "string") {
      const { bytes, name } = r;
      if (name.length === 0 || name.length > 200)
        throw new InputError("input-malformed", `${at}.name: expected 1 to 200 characters, found ${name.length}`);
      return { bytes: exactBytes(bytes, `${at}.bytes`), what: name };
    }
    throw new InputError("input-malformed", `${at}: expected bytes, text or { bytes, name }, found ${describe(r)}`);
  });
}
function exactBytes(value, what) {
  if (value instanceof Uint8Array) return value;
  if (typeof value === "string") return new TextEncoder().encode(value);
  throw new InputError("input-malformed", `${what}: expected bytes (Uint8Array) or text, found ${describe(value)}`);
}
export {
  CHECKS,
  InputError,
  MAX_ROTATIONS,
  PolicyError,
  STATE_MEDIA_TYPE,
  VerificationError,
  followPolicyRotations,
  isVerifiedSubject,
  pinPolicy,
  verifyBundle
};
