#!/usr/bin/env python3
"""An independent verifier of the countersignature part of countersign bundles.

Written from the specification alone (spec/FORMAT.md §2, §5, §6, §7 step 4a-e,
spec/POLICY.md §3.5 and §3.10, spec/ROTATION.md §2, spec/ED25519.md §2), not from the
TypeScript implementation, to show that the spec is enough to write a verifier. It uses
Debian's python3-cryptography for the final Ed25519 equation (OpenSSL) and plain integer
arithmetic for the strict decoding rules of ED25519.md §2 steps 1-4.

For every bundle of every case folder of spec/vectors/ (bundle.json and rotations/*.json) it
reports, per countersignature: whether its key is pinned, whether the signature verifies
under the pinned key (strict rule), whether the countersignature statement is well formed,
and whether it binds the primary it sits beside. The primary itself (Sigstore) is out of
scope: its values are taken from the bundle as they are.

Usage: countersign_verify.py VECTORS_DIR  -> JSON on stdout.
"""

import base64
import hashlib
import json
import os
import re
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

# --- spec/FORMAT.md §2: strict JSON -------------------------------------------------------

MAX_SAFE_INTEGER = 2**53 - 1


class Malformed(Exception):
    """A document breaks the format: never accepted."""


def _no_duplicates(pairs):
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise Malformed(f"duplicate key {key!r}")
        obj[key] = value
    return obj


def _integer(text):
    value = int(text)
    if abs(value) > MAX_SAFE_INTEGER:
        raise Malformed("integer out of range")
    return value


def _depth(value, limit, depth=1):
    if depth > limit:
        raise Malformed("too deep")
    if isinstance(value, dict):
        for v in value.values():
            _depth(v, limit, depth + 1)
    elif isinstance(value, list):
        for v in value:
            _depth(v, limit, depth + 1)


def _strings_are_utf8(value):
    """No lone surrogates: every string must encode to UTF-8."""
    if isinstance(value, str):
        value.encode("utf-8")
    elif isinstance(value, dict):
        for k, v in value.items():
            k.encode("utf-8")
            _strings_are_utf8(v)
    elif isinstance(value, list):
        for v in value:
            _strings_are_utf8(v)


def strict_json(data, max_bytes, max_depth, integers_only=False):
    if len(data) > max_bytes:
        raise Malformed("too large")
    if data.startswith(b"\xef\xbb\xbf"):
        raise Malformed("byte-order mark")
    try:
        text = data.decode("utf-8", errors="strict")

        def no_float(t):
            raise Malformed(f"not an integer: {t}")

        value = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_int=_integer,
            parse_float=no_float if integers_only else float,
            parse_constant=lambda c: (_ for _ in ()).throw(Malformed(f"not JSON: {c}")),
        )
        _strings_are_utf8(value)
    except (ValueError, UnicodeError) as err:
        raise Malformed(str(err)) from None
    _depth(value, max_depth)
    return value


BASE64 = re.compile(r"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$")


def canonical_b64(text):
    """Standard alphabet with padding, canonical (re-encoding gives the same text)."""
    if not isinstance(text, str) or not BASE64.match(text):
        raise Malformed("not standard padded base64")
    raw = base64.b64decode(text, validate=True)
    if base64.b64encode(raw).decode("ascii") != text:
        raise Malformed("non-canonical base64")
    return raw


def exact_fields(obj, required, optional=()):
    if not isinstance(obj, dict):
        raise Malformed("expected an object")
    for key in obj:
        if key not in required and key not in optional:
            raise Malformed(f"unknown field {key!r}")
    for key in required:
        if key not in obj:
            raise Malformed(f"missing field {key!r}")
    return obj


def sha256_hex(data):
    return hashlib.sha256(data).hexdigest()


KEY_ID = re.compile(r"^sha256:[0-9a-f]{64}$")
SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
STREAM = re.compile(r"^[A-Za-z0-9._/-]+:[A-Za-z0-9._-]+$")
LOG_ID = re.compile(r"^[A-Za-z0-9+/]+={0,2}$")
LOG_INDEX = re.compile(r"^(0|[1-9][0-9]{0,18})$")

# --- spec/ED25519.md §2: the strict rule ----------------------------------------------------

P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
D = (-121665 * pow(121666, P - 2, P)) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)
IDENTITY = (0, 1)


def decode_point(enc):
    """RFC 8032 §5.1.3, strictly (step 3): y < p, on the curve, no x = 0 with the sign bit."""
    if len(enc) != 32:
        return None
    y = int.from_bytes(enc, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    if y >= P:
        return None
    u = (y * y - 1) % P
    v = (D * y * y + 1) % P
    x2 = u * pow(v, P - 2, P) % P
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P != 0:
        x = x * SQRT_M1 % P
        if (x * x - x2) % P != 0:
            return None
    if x == 0 and sign == 1:
        return None
    if x & 1 != sign:
        x = P - x
    return (x, y)


def add(p1, p2):
    """Affine addition on -x^2 + y^2 = 1 + d x^2 y^2 (complete: d is not a square)."""
    (x1, y1), (x2, y2) = p1, p2
    t = D * x1 * x2 * y1 * y2 % P
    x3 = (x1 * y2 + x2 * y1) * pow(1 + t, P - 2, P) % P
    y3 = (y1 * y2 + x1 * x2) * pow(1 - t, P - 2, P) % P
    return (x3, y3)


def small_order(point):
    """Step 4: [8]P is the identity."""
    for _ in range(3):
        point = add(point, point)
    return point == IDENTITY


def verify_strict(public_key, signature, message):
    if len(public_key) != 32 or len(signature) != 64:  # step 1
        return False
    if int.from_bytes(signature[32:], "little") >= L:  # step 2
        return False
    a = decode_point(public_key)
    r = decode_point(signature[:32])
    if a is None or r is None:  # step 3
        return False
    if small_order(a) or small_order(r):  # step 4
        return False
    try:  # step 5: OpenSSL's cofactorless equation
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
        return True
    except (InvalidSignature, ValueError):
        return False


def pae(payload_type, body):
    """DSSE pre-authentication encoding (FORMAT.md §5)."""
    t = payload_type.encode("utf-8")
    return b"DSSEv1 %d %s %d %s" % (len(t), t, len(body), body)


COUNTERSIGNATURE_PAYLOAD_TYPE = "application/vnd.countersign.countersignature.v1+json"

# --- spec/POLICY.md §3.5: pinned keys ------------------------------------------------------

SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")
PEM = re.compile(r"^-----BEGIN PUBLIC KEY-----\r?\n([A-Za-z0-9+/=\r\n]+?)\r?\n?-----END PUBLIC KEY-----\r?\n?$")


def raw_key_of_pem(pem):
    m = PEM.match(pem)
    if not m:
        raise Malformed("not one SPKI PEM block")
    der = canonical_b64("".join(m.group(1).split()))
    if len(der) != 44 or not der.startswith(SPKI_PREFIX):
        raise Malformed("not an Ed25519 SubjectPublicKeyInfo")
    return der[12:]


def pinned_keys(policy):
    """keyId -> (raw key, organisation) for the usual countersigners and the fallback set."""
    keys = {}
    entries = list(policy.get("countersigners", []))
    entries += list((policy.get("fallback") or {}).get("countersigners", []))
    for entry in entries:
        raw = raw_key_of_pem(entry["publicKey"])
        key_id = "sha256:" + sha256_hex(raw)
        if entry["keyId"] != key_id:
            raise Malformed("keyId is not the key's")
        keys[key_id] = (raw, entry["organisation"])
    return keys


# --- spec/FORMAT.md §6 and §5: the bundle and its countersignatures -------------------------

BUNDLE_MEDIA_TYPE = "application/vnd.countersign.bundle.v1+json"
COUNTERSIGNATURE_TYPE = "https://countersign.dev/Countersignature/v1"


def parse_bundle(data, max_bytes):
    """(primary, [countersignature entries]) or Malformed."""
    doc = strict_json(data, max_bytes, 32)
    if isinstance(doc, dict) and isinstance(doc.get("mediaType"), str) and doc["mediaType"].startswith("application/vnd.dev.sigstore.bundle"):
        return doc, []  # a plain Sigstore bundle: no countersignatures yet
    exact_fields(doc, ("mediaType", "primary", "countersignatures"), ("rotations",))
    if doc["mediaType"] != BUNDLE_MEDIA_TYPE:
        raise Malformed("unknown bundle media type")
    # FORMAT.md §6.3: 1 to 16 carried rotation bundles, canonical base64, 4 MiB each; unsigned.
    if "rotations" in doc:
        carried = doc["rotations"]
        if not isinstance(carried, list) or not 1 <= len(carried) <= 16:
            raise Malformed("rotations: expected a list of 1 to 16")
        for item in carried:
            if not isinstance(item, str) or len(item) > 5592408:
                raise Malformed("rotations: expected base64 of at most 4 MiB")
            canonical_b64(item)
    if not isinstance(doc["countersignatures"], list) or len(doc["countersignatures"]) > 32:
        raise Malformed("countersignatures: expected a list of at most 32")
    entries = []
    for item in doc["countersignatures"]:
        exact_fields(item, ("keyId", "statement", "signature"), ("logProof",))
        if not isinstance(item["keyId"], str) or not KEY_ID.match(item["keyId"]):
            raise Malformed("keyId")
        statement = canonical_b64(item["statement"])
        signature = canonical_b64(item["signature"])
        if len(signature) != 64:
            raise Malformed("signature: expected 64 bytes")
        if "logProof" in item and not isinstance(item["logProof"], dict):
            raise Malformed("logProof")
        entries.append({"keyId": item["keyId"], "statement": statement, "signature": signature})
    return doc["primary"], entries


def parse_countersignature_statement(data):
    doc = strict_json(data, 16 * 1024, 8, integers_only=True)
    exact_fields(doc, ("_type", "keyId", "payloadType", "payloadDigest", "primarySignatureDigest", "certificateDigest", "tlogEntries", "timestampDigests", "stream", "version", "signedAt"))

    def string(value, pattern=None, max_len=4096):
        if not isinstance(value, str) or len(value) > max_len or (pattern and not pattern.match(value)):
            raise Malformed("bad string")
        return value

    def digest(value):
        return string(exact_fields(value, ("sha256",))["sha256"], SHA256_HEX)

    if doc["_type"] != COUNTERSIGNATURE_TYPE:
        raise Malformed("_type")
    string(doc["keyId"], KEY_ID)
    string(doc["payloadType"], None, 256)
    for field in ("payloadDigest", "primarySignatureDigest", "certificateDigest"):
        digest(doc[field])
    if not isinstance(doc["tlogEntries"], list) or len(doc["tlogEntries"]) > 16:
        raise Malformed("tlogEntries")
    for entry in doc["tlogEntries"]:
        exact_fields(entry, ("logId", "logIndex"))
        string(entry["logId"], LOG_ID, 128)
        string(entry["logIndex"], LOG_INDEX)
    if not isinstance(doc["timestampDigests"], list) or len(doc["timestampDigests"]) > 16:
        raise Malformed("timestampDigests")
    for d in doc["timestampDigests"]:
        digest(d)
    string(doc["stream"], STREAM, 200)
    if type(doc["version"]) is not int or doc["version"] < 1:
        raise Malformed("version")
    string(doc["signedAt"], TIME)
    return doc


def binding_of(primary):
    """What a countersignature must name, from the primary as it is (FORMAT.md §5 table)."""
    envelope = primary["dsseEnvelope"]
    material = primary["verificationMaterial"]
    payload = base64.b64decode(envelope["payload"])
    statement = json.loads(payload)
    timestamps = (material.get("timestampVerificationData") or {}).get("rfc3161Timestamps", [])
    return {
        "payloadType": envelope["payloadType"],
        "payloadDigest": sha256_hex(payload),
        "primarySignatureDigest": sha256_hex(base64.b64decode(envelope["signatures"][0]["sig"])),
        "certificateDigest": sha256_hex(base64.b64decode(material["certificate"]["rawBytes"])),
        # proto3 JSON leaves out a field at its default: an entry at index 0 has no logIndex.
        "tlogEntries": sorted((e["logId"]["keyId"], e.get("logIndex", "0")) for e in material.get("tlogEntries", [])),
        "timestampDigests": sorted(sha256_hex(base64.b64decode(t["signedTimestamp"])) for t in timestamps),
        "stream": statement["predicate"]["stream"],
        "version": statement["predicate"]["version"],
        "statement": statement,
    }


def binds(statement, key_id, expected):
    return (
        statement["keyId"] == key_id
        and statement["payloadType"] == expected["payloadType"]
        and statement["payloadDigest"]["sha256"] == expected["payloadDigest"]
        and statement["primarySignatureDigest"]["sha256"] == expected["primarySignatureDigest"]
        and statement["certificateDigest"]["sha256"] == expected["certificateDigest"]
        and sorted((e["logId"], e["logIndex"]) for e in statement["tlogEntries"]) == expected["tlogEntries"]
        and sorted(d["sha256"] for d in statement["timestampDigests"]) == expected["timestampDigests"]
        and statement["stream"] == expected["stream"]
        and statement["version"] == expected["version"]
    )


def carried_policy(binding):
    """An authority rotation carries its new policy (ROTATION.md §2): its keys are pinned too."""
    statement = binding["statement"] if binding else None
    if not statement or statement.get("predicate", {}).get("kind") != "authority-rotation":
        return None
    try:
        return strict_json(canonical_b64(statement["predicate"]["data"]["policy"]), 1024 * 1024, 32)
    except (Malformed, KeyError, TypeError):
        return None


def read_bundle(path, max_bytes):
    with open(path, "rb") as f:
        data = f.read()
    try:
        primary, entries = parse_bundle(data, max_bytes)
    except Malformed as err:
        return {"parse": False, "error": str(err)}, None, None
    try:
        binding = binding_of(primary)
    except (KeyError, IndexError, TypeError, ValueError):
        binding = None
    return {"parse": True}, entries, binding


def check_case(case_dir):
    with open(os.path.join(case_dir, "policy.json"), "rb") as f:
        policy = strict_json(f.read(), 1024 * 1024, 32)
    max_bytes = (policy.get("limits") or {}).get("maxBundleBytes", 4 * 1024 * 1024)
    files = ["bundle.json"]
    rotations = os.path.join(case_dir, "rotations")
    if os.path.isdir(rotations):
        files += ["rotations/" + n for n in sorted(os.listdir(rotations), key=lambda n: int(n.split(".")[0]))]
    bundles = {f: read_bundle(os.path.join(case_dir, f), max_bytes) for f in files}
    # Pinned: the case's policy, and every policy a rotation of the case carries (keyed by key id).
    keys = pinned_keys(policy)
    for _, _, binding in bundles.values():
        carried = carried_policy(binding)
        if carried:
            try:
                keys.update(pinned_keys(carried))
            except (Malformed, KeyError, TypeError):
                pass
    out = {}
    for name, (result, entries, binding) in bundles.items():
        # ROTATION.md §5 step 3: a rotation to a version at or below the case's policy is
        # history (the walk skips it unverified when it leads to that policy): its keys may be
        # pinned by no policy the case holds.
        if name.startswith("rotations/") and is_history(binding, policy):
            result["history"] = True
        if entries is not None:
            ids = [e["keyId"] for e in entries]
            result["duplicateKeyIds"] = sorted({k for k in ids if ids.count(k) > 1})
            result["countersignatures"] = [check_countersignature(e, keys, binding) for e in entries]
        out[name] = result
    return out


def is_history(binding, policy):
    statement = binding["statement"] if binding else None
    version = statement.get("predicate", {}).get("version") if isinstance(statement, dict) else None
    return isinstance(version, int) and isinstance(policy.get("version"), int) and version <= policy["version"]


def check_countersignature(entry, keys, binding):
    verdict = {"keyId": entry["keyId"], "pinned": entry["keyId"] in keys}
    if verdict["pinned"]:
        raw, organisation = keys[entry["keyId"]]
        verdict["organisation"] = organisation
        verdict["signature"] = verify_strict(raw, entry["signature"], pae(COUNTERSIGNATURE_PAYLOAD_TYPE, entry["statement"]))
    try:
        statement = parse_countersignature_statement(entry["statement"])
        verdict["structure"] = True
    except Malformed:
        verdict["structure"] = False
        return verdict
    if binding is not None:
        verdict["binding"] = binds(statement, entry["keyId"], binding)
    return verdict


def main(argv):
    if len(argv) != 2:
        print("usage: countersign_verify.py VECTORS_DIR", file=sys.stderr)
        return 2
    root = argv[1]
    cases = sorted(n for n in os.listdir(root) if os.path.isdir(os.path.join(root, n)))
    json.dump({name: check_case(os.path.join(root, name)) for name in cases}, sys.stdout, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
