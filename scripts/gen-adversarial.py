#!/usr/bin/env python3
"""Writes the adversarial corpus under Tests/Fixtures/adversarial/ and its EXPECTED.tsv manifest.

Each row: file, expected exit code of `archcalc estimate FILE`, and a fragment that must appear in stderr
(exit 2) or stdout (exit 0). Run from the repository root: python3 scripts/gen-adversarial.py
Large inputs (a 1 MiB alias bomb, a 50 MiB file, 10^6-element lists) and special files (directories, FIFOs,
unreadable files, symlink loops) are made by the test at run time instead of being committed.
"""
import os

OUT = "Tests/Fixtures/adversarial"
BASE = """archspec: 1
name: base
vocab_size: 32000
hidden_size: 4096
layers: 32
context_length: 4096
dtype: bf16
attention:
  heads: 32
  kv_heads: 8
mlp:
  kind: gated
  intermediate_size: 11008
"""
OK_PARAMS = "5,933,109,248"  # by hand: 32000*4096*2 + 32*(4096*(32+8+8+32)*128 + 3*4096*11008 + 2*4096) + 4096

cases = []  # (name, bytes, exit, fragment)

def add(name, content, code, fragment):
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    cases.append((name, data, code, fragment))

def sub(old, new, base=BASE):
    assert old in base, old
    return base.replace(old, new)

# --- odd but valid: these estimate correctly -------------------------------------------------------------
add("valid-base.yaml", BASE, 0, OK_PARAMS)
add("valid-merge-keys.yaml", sub("attention:\n  heads: 32\n  kv_heads: 8\n", "shared: &heads {heads: 32, kv_heads: 8}\nattention:\n  <<: *heads\n").replace("shared: &heads {heads: 32, kv_heads: 8}\n", "") if False else
    "x-defaults: &attn\n  heads: 32\n  kv_heads: 8\n" .replace("x-defaults","") if False else sub("attention:\n  heads: 32\n  kv_heads: 8\n", "attention:\n  <<: {heads: 32, kv_heads: 8}\n"), 0, OK_PARAMS)
add("valid-merge-list.yaml", sub("attention:\n  heads: 32\n  kv_heads: 8\n", "attention:\n  <<: [{heads: 32}, {kv_heads: 8, heads: 99}]\n"), 0, OK_PARAMS)
add("valid-merge-override.yaml", sub("attention:\n  heads: 32\n  kv_heads: 8\n", "attention:\n  <<: {heads: 64, kv_heads: 8}\n  heads: 32\n"), 0, OK_PARAMS)
add("valid-bom.yaml", b"\xef\xbb\xbf" + BASE.encode(), 0, OK_PARAMS)
add("valid-crlf.yaml", BASE.replace("\n", "\r\n"), 0, OK_PARAMS)
add("valid-bom-crlf.yaml", b"\xef\xbb\xbf" + BASE.replace("\n", "\r\n").encode(), 0, OK_PARAMS)
add("valid-flow-style.yaml", "{archspec: 1, name: base, vocab_size: 32000, hidden_size: 4096, layers: 32, context_length: 4096, attention: {heads: 32, kv_heads: 8}, mlp: {intermediate_size: 11008}}\n", 0, OK_PARAMS)
add("valid-json-syntax.yaml", '{"archspec": 1, "name": "base", "vocab_size": 32000, "hidden_size": 4096, "layers": 32, "context_length": 4096, "attention": {"heads": 32, "kv_heads": 8}, "mlp": {"intermediate_size": 11008}}\n', 0, OK_PARAMS)
add("valid-document-markers.yaml", "%YAML 1.2\n---\n" + BASE + "...\n", 0, OK_PARAMS)
add("valid-comments-everywhere.yaml", "# head\n" + "\n".join(l + "  # note: with 'quotes' and # hashes" if l.strip() else l for l in BASE.splitlines()) + "\n# tail\n", 0, OK_PARAMS)
add("valid-quoted-keys.yaml", BASE.replace("vocab_size:", '"vocab_size":').replace("layers:", "'layers':"), 0, OK_PARAMS)
add("valid-standard-int-tag.yaml", sub("layers: 32", "layers: !!int 32"), 0, OK_PARAMS)
add("valid-plus-sign.yaml", sub("layers: 32", "layers: +32"), 0, OK_PARAMS)
add("valid-unicode-name.yaml", sub("name: base", 'name: "模型-ß-🚀"'), 0, "模型-ß-🚀")
add("valid-control-chars-in-name.yaml", sub("name: base", 'name: "evil\\e[31mred\\u0007"'), 0, "evil\\u{1b}[31mred\\u{7}")
add("valid-long-name.yaml", sub("name: base", "name: " + "n" * 20000), 0, "...")
add("valid-folded-name.yaml", sub("name: base", "name: >\n  folded\n  name"), 0, "folded name")
add("valid-tabs-in-comments.yaml", BASE + "#\tcomment\twith\ttabs\n", 0, OK_PARAMS)
add("valid-anchors-unused.yaml", sub("vocab_size: 32000", "vocab_size: &v 32000"), 0, OK_PARAMS)
add("valid-trailing-spaces.yaml", "\n".join(l + "   " for l in BASE.splitlines()) + "\n", 0, OK_PARAMS)
add("valid-no-final-newline.yaml", BASE.rstrip("\n"), 0, OK_PARAMS)

# --- document-level garbage: exit 2 with a located message (a spec that cannot be loaded) -------------------------------------------
add("empty.yaml", "", 2, "empty file: expected an archspec mapping")
add("only-comments.yaml", "# nothing here\n# at all\n", 2, "empty file")
add("only-whitespace.yaml", "   \n\n\t\n", 2, ":")
add("top-level-list.yaml", "- archspec: 1\n- layers: 2\n", 2, "got a list")
add("top-level-scalar.yaml", "42\n", 2, "got a scalar")
add("multiple-documents.yaml", BASE + "---\n" + BASE, 2, "expected a single YAML document")
add("truncated-quoted.yaml", BASE[:60] + '\nname: "unterminated', 2, "invalid YAML")
add("truncated-midway.yaml", BASE[:120], 2, "missing required key")
add("unclosed-flow.yaml", "{archspec: 1, layers: [1, 2\n", 2, "invalid YAML")
add("tab-indentation.yaml", sub("  heads: 32", "\theads: 32"), 2, "invalid YAML")
add("bad-indentation.yaml", sub("  kv_heads: 8", "     kv_heads: 8"), 2, "invalid YAML")
add("nul-byte.yaml", BASE.encode() + b"\x00junk\n", 2, "not UTF-8 text")
add("invalid-utf8.yaml", BASE.encode() + b"name2: \xff\xfe\xfd\n", 2, "not UTF-8 text")
add("utf16.yaml", "\ufeff".encode("utf-16-le") + BASE.encode("utf-16-le"), 2, "not UTF-8 text")
add("binary-elf.bin", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4, 2, "not UTF-8 text")
add("deep-flow-nesting.yaml", "a: " + "[" * 5000 + "]" * 5000 + "\n", 2, "nesting deeper than")
add("deep-block-nesting.yaml", "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "v: 1\n", 2, "nesting deeper than 128 levels")
laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i-1}'] * 10)}]\n" for i in range(1, 10))
add("billion-laughs.yaml", laughs, 2, "document expands to more than 250000 nodes")
add("billion-laughs-keys.yaml", laughs + "? *a9\n: boom\n", 2, "document expands to more than 250000 nodes")
add("quadratic-blowup.yaml", "a: &a [" + ",".join(["x"] * 2000) + "]\nb: [" + ",".join(["*a"] * 200) + "]\n", 2, "document expands to more than 250000 nodes")
add("recursive-alias.yaml", "a: &a [*a]\n", 2, "undefined alias")
add("undefined-alias.yaml", sub("layers: 32", "layers: *nothing"), 2, "undefined alias 'nothing'")
add("python-object-tag.yaml", sub("name: base", "name: !!python/object/apply:os.system ['rm -rf /']"), 2, "is not supported in specs")
add("custom-tag.yaml", sub("layers: 32", "layers: !custom 32"), 2, "tag !custom is not supported")
add("mapping-key.yaml", BASE + "? {a: 1}\n: 2\n", 2, "keys must be plain strings")

# --- values: exit 1, the message names the key ---------------------------------------------------------
for name, old, new, frag in [
    ("yaml11-yes.yaml", "dtype: bf16", "dtype: bf16\ntie_embeddings: yes", "tie_embeddings must be true or false, got 'yes'"),
    ("yaml11-on.yaml", "dtype: bf16", "dtype: bf16\ntie_embeddings: on", "tie_embeddings must be true or false, got 'on'"),
    ("yaml11-no-as-name.yaml", "name: base", "name: no\nnope: 1", "unknown key 'nope'"),
    ("exponent.yaml", "hidden_size: 4096", "hidden_size: 4.096e3", "hidden_size must be an integer, got 4.096e3"),
    ("exponent-1e6.yaml", "vocab_size: 32000", "vocab_size: 1e6", "vocab_size must be an integer, got 1e6"),
    ("hex.yaml", "hidden_size: 4096", "hidden_size: 0x1000", "hidden_size must be an integer, got"),
    ("octal.yaml", "layers: 32", "layers: 040", "a leading zero"),
    ("underscore.yaml", "vocab_size: 32000", "vocab_size: 32_000", "vocab_size must be an integer, got '32_000'"),
    ("sexagesimal.yaml", "layers: 32", "layers: 1:30", "layers must be an integer"),
    ("int64-max.yaml", "layers: 32", "layers: 9223372036854775807", "layers is too large"),
    ("int64-overflow.yaml", "layers: 32", "layers: 9223372036854775808", "does not fit in a 64-bit integer"),
    ("int-1e30.yaml", "vocab_size: 32000", "vocab_size: 1000000000000000000000000000000", "does not fit in a 64-bit integer"),
    ("trillion-layers.yaml", "layers: 32", "layers: 1000000000000", "layers is too large: 1000000000000 exceeds the limit of 4294967296"),
    ("negative.yaml", "layers: 32", "layers: -32", "layers must be at least 1, got -32"),
    ("negative-zero.yaml", "layers: 32", "layers: -0", "layers must be at least 1, got 0"),
    ("zero-heads.yaml", "  heads: 32", "  heads: 0", "attention.heads must be at least 1, got 0"),
    ("nan.yaml", "layers: 32", "layers: .nan", "layers must be an integer, got '.nan'"),
    ("inf.yaml", "layers: 32", "layers: .inf", "layers must be an integer, got '.inf'"),
    ("nan-theta.yaml", "mlp:", "position:\n  rope_theta: .nan\nmlp:", "position.rope_theta must be a number"),
    ("float-for-int.yaml", "layers: 32", "layers: 32.0", "layers must be an integer, got 32.0"),
    ("quoted-int.yaml", "layers: 32", 'layers: "32"', 'layers must be an integer, got the string "32"'),
    ("null-value.yaml", "layers: 32", "layers: ~", "layers must be an integer, got no value"),
    ("empty-value.yaml", "layers: 32", "layers:", "layers must be an integer, got no value"),
    ("list-value.yaml", "layers: 32", "layers: [32]", "layers must be an integer, got a list"),
    ("section-as-scalar.yaml", "mlp:\n  kind: gated\n  intermediate_size: 11008\n", "mlp: 11008\n", "mlp must be a mapping, got a scalar"),
    ("section-as-list.yaml", "attention:\n  heads: 32\n  kv_heads: 8\n", "attention:\n  - heads: 32\n", "attention must be a mapping, got a list"),
    ("unknown-dtype.yaml", "dtype: bf16", "dtype: fp7", "dtype must be one of"),
    ("unknown-mlp-kind.yaml", "kind: gated", "kind: gatd", "did you mean gated?"),
    ("version-2.yaml", "archspec: 1", "archspec: 2", "archspec version 2 is not supported"),
    ("version-string.yaml", "archspec: 1", 'archspec: "1"', "archspec must be an integer"),
    ("missing-archspec.yaml", "archspec: 1\n", "", "missing required key 'archspec'"),
    ("typo-key.yaml", "  kv_heads: 8", "  kv_head: 8", "did you mean kv_heads?"),
    ("hf-key.yaml", "layers: 32", "num_hidden_layers: 32", "did you mean layers?"),
    ("duplicate-top.yaml", "layers: 32", "layers: 32\nlayers: 40", "duplicate key 'layers'"),
    ("duplicate-nested.yaml", "  kv_heads: 8", "  kv_heads: 8\n  kv_heads: 4", "duplicate key 'kv_heads'"),
    ("cyrillic-lookalike.yaml", "vocab_size: 32000", "vоcab_size: 32000", "unknown key 'vоcab_size'"),
    ("zero-width-key.yaml", "layers: 32", "lay\u200bers: 32", "unknown key 'lay\\u{200b}ers'"),
    ("fullwidth-key.yaml", "layers: 32", "ｌａｙｅｒｓ: 32", "unknown key 'ｌａｙｅｒｓ'"),
    ("control-char-key.yaml", "layers: 32", '"lay\\e[2Jers": 32', "unknown key 'lay\\u{1b}[2Jers'"),
    ("kv-not-dividing.yaml", "  kv_heads: 8", "  kv_heads: 6", "attention.heads 32 is not divisible by attention.kv_heads 6"),
    ("hidden-not-dividing.yaml", "hidden_size: 4096", "hidden_size: 5140", "hidden_size 5140 is not divisible by attention.heads 32"),
]:
    add(name, sub(old, new), 2, frag)

# --- inputs the fuzzer found (scripts/fuzz.sh), kept as regression cases ----------------------------------
FINDINGS = "Tests/Fixtures/fuzz-findings"
for name, code, fragment in [
    # A mutated DeepSeek-V3 config.json with a NUL byte: reported as a libFuzzer timeout under a loaded machine
    # (ASan, nice 19, 2-second limit); it replays in milliseconds. Kept to pin the outcome.
    ("timeout-deepseek-config-nul.json", 2, "not UTF-8 text"),
    # A Qwen3-VL wrapper whose text_config key was mangled: the refusal's error was dropped (no spec, no error).
    ("crash-wrapper-without-text-config.json", 2, "qwen3_vl config has no text_config mapping"),
]:
    with open(os.path.join(FINDINGS, name), "rb") as f:
        add("fuzz-" + name, f.read(), code, fragment)

os.makedirs(OUT, exist_ok=True)
for existing in os.listdir(OUT):
    os.remove(os.path.join(OUT, existing))
with open(os.path.join(OUT, "EXPECTED.tsv"), "w", encoding="utf-8") as manifest:
    manifest.write("# file\texit\tfragment (stdout for exit 0, stderr otherwise); generated by scripts/gen-adversarial.py\n")
    for name, data, code, fragment in cases:
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
        manifest.write(f"{name}\t{code}\t{fragment}\n")
print(f"wrote {len(cases)} files to {OUT}")
