#!/usr/bin/env python3
"""Ground-truth fixtures for archcalc, produced by real Hugging Face transformers.

Run by hand, never in CI (it needs torch and transformers, which the project does not
install, and it takes minutes):

    python3 -m venv /work/venv-hf
    /work/venv-hf/bin/pip install torch==2.15.0 transformers==5.23.0
    /work/venv-hf/bin/python scripts/hf-reference/make_reference.py

Versions used for the committed fixtures: torch 2.15.0, transformers 5.23.0, Python 3.11.7.
No weights are downloaded: every model is built from a local config.json.

What it writes, all under Tests/Fixtures/hf/reference/:
  * <Name>.resaved.json    each published config there, loaded with AutoConfig and written back
                           as save_pretrained writes it (config.to_json_string(), use_diff=True);
  * resaved/<Name>.json    the same for each older fixture in Tests/Fixtures/hf/*.json;
  * tiny/<type>.json       a tiny config of each new model type (made here from the published
                           one, see TINY below), run for real on the CPU in float32;
  * EXPECTED.json          parameter counts (meta device) for every config in both forms, and
                           for the tiny configs the cache bytes that transformers holds.

The published configs themselves (<Name>.json) are inputs, written by hand into
scripts/hf-reference/published_configs.py, which writes them (see README.md for provenance).
"""

import contextlib
import copy
import glob
import io
import json
import math
import os
import re
import sys
import tempfile
import time
import traceback
import warnings

import torch
import transformers
from transformers import (
    AutoConfig,
    AutoModelForCausalLM,
    CONFIG_MAPPING,
)

warnings.filterwarnings("ignore")
transformers.logging.set_verbosity_error()

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HF = os.path.join(ROOT, "Tests", "Fixtures", "hf")
REF = os.path.join(HF, "reference")
ONLY = set(sys.argv[1:])  # optional: restrict to these file stems (for debugging)

# model types that transformers does not have, and the class family used instead
TYPE_ALIASES = {"kimi_k2": "deepseek_v3"}

PROMPT_LENGTHS = [1, 8, 16, 17, 40, 64]
DECODE_STEPS = 4


# ----------------------------------------------------------------------------------------
# configs


def load_config(d):
    """A transformers config from a config.json dict, the way from_pretrained reads it."""
    mt = d.get("model_type")
    if mt in TYPE_ALIASES:
        return CONFIG_MAPPING[TYPE_ALIASES[mt]].from_dict(d)
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "config.json"), "w") as f:
            json.dump(d, f)  # a resaved {"__float__": "Infinity"} is decoded by from_pretrained
        return AutoConfig.from_pretrained(tmp)


def resave(cfg):
    """The text save_pretrained writes for this config."""
    return cfg.to_json_string(use_diff=True)


def is_wrapper(cfg):
    return getattr(cfg, "vision_config", None) is not None


def model_class(cfg):
    if is_wrapper(cfg):
        from transformers import AutoModelForImageTextToText

        return AutoModelForImageTextToText
    return AutoModelForCausalLM


# ----------------------------------------------------------------------------------------
# parameter groups

VISION = re.compile(r"(^|\.)(vision_tower|visual|vision_model|multi_modal_projector|vision_embed|vision_adapter)(\.|$)")
MTP = re.compile(r"(^|\.)(mtp|nextn|mtp_layers|eh_proj|enorm|hnorm)(\.|_|$)")
EMBED = re.compile(r"(^|\.)(embed_tokens|wte|wpe|embed_positions|word_embeddings|embeddings|embedding)(\.|$)")
LM_HEAD = re.compile(r"(^|\.)lm_head(\.|$)")
SSM_BLOCK = re.compile(r"(^|\.)(mamba|linear_attn|conv|ssm)(\.|$)")
SSM_LEAF = re.compile(r"(^|\.)(A_log|dt_bias|D|conv1d|in_proj|x_proj|dt_proj|out_proj|dt_layernorm|b_layernorm|c_layernorm)(\.|$)")
ATTN_LEAF = re.compile(r"(^|\.)(q_proj|k_proj|v_proj|o_proj|qkv_proj|query_key_value|c_attn|dense|q_a_proj|q_b_proj|kv_a_proj_with_mqa|kv_b_proj|wq|wk|wv|wo|sinks|indexer)(\.|$)")
MLP_LEAF = re.compile(r"(^|\.)(up_proj|down_proj|gate_proj|gate_up_proj|fc1|fc2|c_fc|c_proj|w1|w2|w3|dense_h_to_4h|dense_4h_to_h)(\.|$)")
NORM = re.compile(r"norm|(^|\.)ln_|(^|\.)ln(\.|$)|layernorm")
ROUTED = re.compile(r"(^|\.)experts(\.|$)")
SHARED = re.compile(r"shared_expert|shared_experts|shared_mlp|shared_mlps")
ROUTER = re.compile(r"(^|\.)(gate|router|wg|e_score_correction_bias|moe_statics|expert_bias|switch)(\.|$)|shared_expert_gate")
ATTN_BLOCK = re.compile(r"(^|\.)(self_attn|attention|attn|self_attention|linear_attn)(\.|$)")
MLP_BLOCK = re.compile(r"(^|\.)(mlp|feed_forward|block_sparse_moe|ffn|moe)(\.|$)")
LAYER_IDX = re.compile(r"(?:^|\.)(?:layers|h|blocks|block)\.(\d+)\.")

GROUP_RULES = """Each parameter name (model.named_parameters(), tied weights once) goes to the first group whose rule matches:
 1 vision: a path segment vision_tower / visual / vision_model / multi_modal_projector / vision_embed / vision_adapter
 2 mtp: a segment mtp / nextn / eh_proj / enorm / hnorm (transformers builds no MTP layers for the models here, so it stays 0)
 3 embedding: a segment embed_tokens / wte / wpe / embed_positions / word_embeddings / embeddings / embedding (position embeddings included)
 4 lm_head: a segment lm_head (present only when untied)
 5 ssm: the parameter sits in a layer whose config layer type is linear attention (qwen3_next linear_attention, minimax linear_attention), or under a segment mamba / linear_attn / conv / ssm, or (under a mixer segment, as in mamba2 and nemotron_h) is not an attention or MLP leaf; norms inside such a block count here too
 6 norm: the name contains 'norm', 'layernorm', 'ln_' (q_norm / k_norm inside attention included)
 7 routed_experts: a segment 'experts' (not a shared expert); transformers 5 stores them fused as [num_experts, ...] tensors
 8 shared_experts: contains shared_expert(s) / shared_mlp
 9 router: a segment gate / router / wg / e_score_correction_bias / moe_statics / expert_bias, or shared_expert_gate
10 attention: under self_attn / attention / attn / self_attention, or an attention leaf (q/k/v/o_proj, qkv_proj, MLA projections, sinks, indexer) under mixer
11 mlp_dense: under mlp / feed_forward / ffn, or an MLP leaf (up/down/gate_proj, fc1/fc2, ...)
12 other: anything else (listed by name in notes when non-empty)"""


def linear_layer_set(cfg):
    lt = getattr(cfg, "layer_types", None) or []
    return {i for i, t in enumerate(lt) if t in ("linear_attention",)}


def classify(name, linear_layers):
    if VISION.search(name):
        return "vision"
    if MTP.search(name):
        return "mtp"
    if EMBED.search(name) and not ROUTED.search(name):
        return "embedding"
    if LM_HEAD.search(name):
        return "lm_head"
    m = LAYER_IDX.search(name)
    li = int(m.group(1)) if m else None
    rest = name[m.end():] if m else name
    if li is not None and li in linear_layers and ATTN_BLOCK.search(rest):
        return "ssm"
    if SSM_BLOCK.search(rest):
        return "ssm"
    if re.search(r"(^|\.)mixer(\.|$)", rest):
        if ATTN_LEAF.search(rest):
            return "attention"
        if ROUTED.search(rest) or SHARED.search(rest) or ROUTER.search(rest) or MLP_LEAF.search(rest):
            pass  # nemotron_h MoE / MLP mixers fall through
        elif NORM.search(rest.split("mixer.", 1)[-1]) and not re.search(r"mixer\.norm", rest):
            return "norm"
        else:
            return "ssm"
    if NORM.search(rest):
        return "norm"
    if ROUTED.search(rest) and not SHARED.search(rest):
        return "routed_experts"
    if SHARED.search(rest):
        return "shared_experts"
    if ROUTER.search(rest):
        return "router"
    if ATTN_BLOCK.search(rest) or ATTN_LEAF.search(rest):
        return "attention"
    if MLP_BLOCK.search(rest) or MLP_LEAF.search(rest):
        return "mlp_dense"
    return "other"


def top_k_for(cfg, layer_idx, module):
    for obj in (module,):
        for attr in ("top_k", "num_experts_per_tok", "moe_topk"):
            v = getattr(obj, attr, None)
            if isinstance(v, int):
                return v, "module." + attr
    for attr in ("num_experts_per_tok", "moe_topk", "moe_k", "experts_per_token", "top_k"):
        v = getattr(cfg, attr, None)
        if isinstance(v, list):
            v = v[layer_idx]
        if isinstance(v, int):
            return v, "config." + attr
    raise ValueError("no top_k")


def count(model, cfg):
    text_cfg = cfg.get_text_config() if hasattr(cfg, "get_text_config") else cfg
    linear_layers = linear_layer_set(text_cfg)
    groups = {}
    other = []
    total = 0
    for name, p in model.named_parameters():  # named_parameters() yields tied weights once
        g = classify(name, linear_layers)
        groups[g] = groups.get(g, 0) + p.numel()
        total += p.numel()
        if g == "other":
            other.append(name)
    buffers = {}
    for name, b in model.named_buffers():
        key = re.sub(r"\.\d+\.", ".N.", name)
        buffers[key] = buffers.get(key, 0) + b.numel()
    # active: for every MoE block, drop (E - k) / E of its routed-expert parameters
    inactive = 0
    moe_layers = []
    named = dict(model.named_modules())
    for mname, mod in named.items():
        if not re.search(r"(^|\.)experts$", mname) or SHARED.search(mname) or VISION.search(mname):
            continue
        params = sum(p.numel() for p in mod.parameters())
        if params == 0:
            continue
        if isinstance(mod, torch.nn.ModuleList):
            E = len(mod)
        else:
            E = getattr(mod, "num_experts", None)
            if E is None:
                E = next(mod.parameters()).shape[0]
        parent = named.get(mname.rsplit(".", 1)[0]) if "." in mname else None
        m = LAYER_IDX.search(mname + ".")
        li = int(m.group(1)) if m else 0
        try:
            k, src = top_k_for(text_cfg, li, parent)
        except ValueError:
            k, src = None, "?"
        for sub in ("gate", "router"):
            r = getattr(parent, sub, None)
            if r is not None and isinstance(getattr(r, "top_k", None), int):
                k, src = r.top_k, "module.%s.top_k" % sub
        assert params % E == 0, (mname, params, E)
        inactive += params // E * (E - k)
        moe_layers.append({"module": mname, "num_experts": E, "top_k": k, "top_k_from": src, "routed_params": params})
    vision = groups.get("vision", 0)
    text_total = total - vision
    return {
        "total": total,
        "num_parameters": model.num_parameters(),
        "num_parameters_agrees": model.num_parameters() == total,
        "text_total": text_total,
        "vision": vision,
        "active": text_total - inactive,
        "groups": dict(sorted(groups.items())),
        "buffers": buffers,
        "moe_layers": len(moe_layers),
        "moe_layer_detail": moe_layers[:1] + ([moe_layers[-1]] if len(moe_layers) > 1 else []),
        "other_names": other[:20],
    }


def meta_count(cfg):
    cls = model_class(cfg)
    with torch.device("meta"):
        model = cls.from_config(cfg)
    r = count(model, cfg)
    r["class"] = type(model).__name__
    del model
    if is_wrapper(cfg):
        # the text model alone, from text_config
        tc = cfg.get_text_config()
        try:
            with torch.device("meta"):
                tm = AutoModelForCausalLM.from_config(tc)
            r["text_config_alone"] = {"class": type(tm).__name__, "total": sum(p.numel() for p in tm.parameters())}
            del tm
        except Exception as e:  # noqa: BLE001
            r["text_config_alone"] = {"error": "%s: %s" % (type(e).__name__, str(e)[:200])}
    return r


# ----------------------------------------------------------------------------------------
# tiny configs

GENERIC = {
    "vocab_size": 512, "hidden_size": 64, "intermediate_size": 128, "num_attention_heads": 4,
    "head_dim": 16, "max_position_embeddings": 4096, "moe_intermediate_size": 32,
    "shared_expert_intermediate_size": 32, "intermediate_size_mlp": 128,
    "num_local_experts": 4, "num_experts": 4, "n_routed_experts": 4, "moe_num_experts": 4,
    "num_experts_per_tok": 2, "experts_per_token": 2, "moe_k": 2, "attention_chunk_size": 16,
    "pad_token_id": 0, "bos_token_id": 1, "eos_token_id": 2,
}
DROP = ("quantization_config", "auto_map", "moe_layers")


def shrink(d, n_layers, extra):
    t = copy.deepcopy(d)
    for k in DROP:
        t.pop(k, None)
    mha = t.get("num_key_value_heads") == t.get("num_attention_heads")
    for k, v in GENERIC.items():
        if k in t:
            t[k] = v
    if "num_key_value_heads" in t:
        t["num_key_value_heads"] = 4 if mha else 2
    if t.get("sliding_window") not in (None,):
        t["sliding_window"] = 16
    if t.get("shared_intermediate_size"):
        t["shared_intermediate_size"] = 32
    t["num_hidden_layers"] = n_layers
    if "rope_scaling" in t and isinstance(t["rope_scaling"], dict) and "original_max_position_embeddings" in t["rope_scaling"]:
        t["rope_scaling"]["original_max_position_embeddings"] = 256
    t.update(extra)
    return t


def tiny_vision(v, text_hidden):
    v = copy.deepcopy(v)
    for k, val in {"hidden_size": 32, "intermediate_size": 64, "num_hidden_layers": 1, "depth": 1,
                   "num_attention_heads": 2, "num_heads": 2, "head_dim": 16, "out_hidden_size": text_hidden,
                   "projector_input_dim": 64, "projector_output_dim": 64, "vision_output_dim": 64,
                   "image_size": 56, "num_position_embeddings": 16, "deepstack_visual_indexes": [0],
                   "fullatt_block_indexes": [0]}.items():
        if k in v:
            v[k] = val
    return v


def tiny_configs(pub):
    """{type: (source file, tiny dict)} -- each keeps the real layer pattern's structure."""
    T = {}

    def add(typ, src, n, extra, text=False):
        d = pub[src]
        if text:
            w = copy.deepcopy(d)
            w["text_config"] = shrink(d["text_config"], n, extra)
            w["vision_config"] = tiny_vision(d["vision_config"], 64)
            for k in DROP:
                w.pop(k, None)
            T[typ] = (src, w)
        else:
            T[typ] = (src, shrink(d, n, extra))

    add("gpt_oss", "gpt-oss-20b", 4, {"layer_types": ["sliding_attention", "full_attention"] * 2})
    l4 = {"no_rope_layers": [1, 1, 1, 0], "interleave_moe_layer_step": 1, "num_local_experts": 4, "num_experts_per_tok": 1}
    add("llama4_text", "Llama-4-Scout-17B-16E.text", 4, l4)
    add("llama4", "Llama-4-Scout-17B-16E", 4, l4, text=True)
    add("qwen3_next", "Qwen3-Next-80B-A3B-Instruct", 4, {"linear_num_key_heads": 2, "linear_num_value_heads": 4,
        "linear_key_head_dim": 16, "linear_value_head_dim": 16})
    add("glm4_moe", "GLM-4.5-Air", 3, {"first_k_dense_replace": 1})
    add("glm4", "GLM-4-9B-0414", 2, {})
    add("cohere", "c4ai-command-r-v01", 2, {})
    add("cohere2", "c4ai-command-r7b-12-2024", 4, {"sliding_window": 16})
    add("phi", "phi-2", 2, {})
    add("granite", "granite-3.1-8b-instruct", 2, {})
    add("granitemoe", "granite-3.1-3b-a800m-instruct", 2, {})
    add("granitemoehybrid", "granite-4.0-h-tiny", 4, {"layer_types": ["mamba", "attention", "mamba", "mamba"],
        "mamba_d_head": 16, "mamba_n_heads": 8, "mamba_d_state": 16, "mamba_chunk_size": 16, "shared_intermediate_size": 32})
    add("smollm3", "SmolLM3-3B", 4, {"no_rope_layers": [1, 1, 1, 0], "layer_types": ["full_attention"] * 4, "max_window_layers": 4})
    add("seed_oss", "Seed-OSS-36B-Instruct", 2, {})
    add("olmo3", "Olmo-3-1025-7B", 4, {"layer_types": ["sliding_attention"] * 3 + ["full_attention"]})
    add("mistral3", "Mistral-Small-3.1-24B-Instruct-2503", 2, {}, text=True)
    add("jamba", "Jamba-v0.1", 8, {"mamba_d_state": 8, "mamba_dt_rank": 8, "num_experts": 4})
    add("nemotron_h", "NVIDIA-Nemotron-Nano-9B-v2", 7, {"hybrid_override_pattern": "M-M*-M-", "mamba_num_heads": 8,
        "mamba_head_dim": 16, "n_groups": 2, "ssm_state_size": 16, "chunk_size": 16, "attention_head_dim": 16, "time_step_rank": 8})
    add("gemma3", "gemma-3-4b-it", 7, {"num_attention_heads": 4, "num_key_value_heads": 2, "head_dim": 16,
        "vocab_size": 512, "hidden_size": 64, "intermediate_size": 128}, text=True)
    add("kimi_k2", "Kimi-K2-Instruct", 3, {"kv_lora_rank": 32, "q_lora_rank": 48, "qk_nope_head_dim": 16,
        "qk_rope_head_dim": 8, "v_head_dim": 16, "first_k_dense_replace": 1, "num_key_value_heads": 4})
    add("exaone4", "EXAONE-4.0-32B", 4, {"layer_types": ["sliding_attention"] * 3 + ["full_attention"]})
    add("ernie4_5", "ERNIE-4.5-0.3B-PT", 2, {})
    add("ernie4_5_moe", "ERNIE-4.5-21B-A3B-PT", 3, {"moe_layer_start_index": 1, "moe_layer_end_index": 2})
    add("hunyuan_v1_dense", "Hunyuan-7B-Instruct", 2, {})
    add("hunyuan_v1_moe", "Hunyuan-A13B-Instruct", 2, {"moe_topk": [2, 2], "moe_intermediate_size": [128, 128], "num_shared_expert": [1, 1]})
    add("falcon_h1", "Falcon-H1-7B-Instruct", 2, {"mamba_d_ssm": 128, "mamba_d_head": 16, "mamba_n_heads": 8,
        "mamba_d_state": 16, "mamba_chunk_size": 16})
    add("bamba", "Bamba-9B", 4, {"attn_layer_indices": [2], "mamba_d_head": 16, "mamba_n_heads": 8, "mamba_d_state": 16,
        "mamba_chunk_size": 16, "attn_rotary_emb": 8})
    add("mamba2", "Mamba-Codestral-7B-v0.1", 2, {"num_heads": 8, "head_dim": 16, "n_groups": 2, "state_size": 16,
        "chunk_size": 16, "time_step_rank": 8})
    add("minimax", "MiniMax-Text-01-hf", 4, {"layer_types": ["linear_attention"] * 3 + ["full_attention"], "block_size": 16, "rotary_dim": 8})
    add("phimoe", "Phi-3.5-MoE-instruct", 2, {"sliding_window": 16, "rope_scaling": {"long_factor": [1.0] * 8,
        "long_mscale": 1.243163121016122, "original_max_position_embeddings": 256, "short_factor": [1.0] * 8,
        "short_mscale": 1.1902380714238083, "type": "longrope"}, "original_max_position_embeddings": 256})
    add("deepseek_v32", "DeepSeek-V3.2-Exp", 3, {"kv_lora_rank": 32, "q_lora_rank": 48, "qk_nope_head_dim": 16,
        "qk_rope_head_dim": 8, "v_head_dim": 16, "first_k_dense_replace": 1, "num_key_value_heads": 4,
        "index_n_heads": 2, "index_head_dim": 16, "index_topk": 8, "n_group": 1, "topk_group": 1})
    qv = {"rope_scaling": {"mrope_section": [2, 3, 3], "rope_type": "default", "type": "default"}}
    T["qwen2_5_vl"] = ("Qwen2.5-VL-7B-Instruct", dict(shrink(pub["Qwen2.5-VL-7B-Instruct"], 2, qv),
        vision_config=tiny_vision(pub["Qwen2.5-VL-7B-Instruct"]["vision_config"], 64)))
    T["qwen2_5_vl"][1]["vision_config"]["window_size"] = 28
    add("qwen3_vl", "Qwen3-VL-8B-Instruct", 2, {"rope_scaling": {"mrope_interleaved": True, "mrope_section": [2, 3, 3], "rope_type": "default"}}, text=True)
    add("qwen3_moe", "Qwen3-Coder-480B-A35B-Instruct", 2, {})
    add("minimax_m2", "MiniMax-M2", 2, {"rotary_dim": 8, "attn_type_list": [1, 1]})
    add("lfm2", "LFM2-1.2B", 4, {"layer_types": ["conv", "conv", "full_attention", "conv"], "block_dim": 64,
        "block_ff_dim": 128, "conv_dim": 64, "conv_dim_out": 64, "num_heads": 4})
    add("apertus", "Apertus-8B-2509", 2, {})
    add("arcee", "AFM-4.5B", 2, {})
    q35 = {"linear_num_key_heads": 2, "linear_num_value_heads": 4, "linear_key_head_dim": 16, "linear_value_head_dim": 16,
           "layer_types": ["linear_attention"] * 3 + ["full_attention"], "num_key_value_heads": 2,
           "rope_parameters": {"mrope_interleaved": True, "mrope_section": [1, 1, 0], "partial_rotary_factor": 0.25,
                               "rope_theta": 10000000, "rope_type": "default"}}
    add("qwen3_5", "Qwen3.5-27B", 4, q35, text=True)
    add("qwen3_5_text", "Qwen3.5-27B.text", 4, q35)
    add("qwen3_5_moe", "Qwen3.5-35B-A3B", 4, q35, text=True)
    add("qwen3_5_moe_text", "Qwen3.5-35B-A3B.text", 4, q35)
    add("olmoe", "OLMoE-1B-7B-0924", 2, {})
    add("dots1", "dots.llm1.inst", 3, {"first_k_dense_replace": 1, "sliding_window": 16, "max_window_layers": 1})
    add("glm4_moe_lite", "GLM-4.7-Flash", 3, {"kv_lora_rank": 32, "q_lora_rank": 48, "qk_nope_head_dim": 16,
        "qk_rope_head_dim": 8, "v_head_dim": 16, "num_key_value_heads": 4})
    return T


# ----------------------------------------------------------------------------------------
# cache measurement


def cache_tensors(obj, path="cache", seen=None, out=None, depth=0):
    """(path, tensor) for every tensor the cache object holds (walks attributes, lists, dicts)."""
    if seen is None:
        seen, out = set(), []
    if depth > 6 or id(obj) in seen:
        return out
    seen.add(id(obj))
    if isinstance(obj, torch.Tensor):
        out.append((path, obj))
    elif isinstance(obj, (list, tuple)):
        for i, x in enumerate(obj):
            cache_tensors(x, "%s[%d]" % (path, i), seen, out, depth + 1)
    elif isinstance(obj, dict):
        for k, x in obj.items():
            cache_tensors(x, "%s[%r]" % (path, k), seen, out, depth + 1)
    elif hasattr(obj, "__dict__") and not isinstance(obj, (torch.nn.Module, transformers.PretrainedConfig)):
        for k, x in vars(obj).items():
            cache_tensors(x, "%s.%s" % (path, k), seen, out, depth + 1)
    return out


def measure(cache):
    ts = cache_tensors(cache)
    fl = [(p, t) for p, t in ts if t.is_floating_point()]
    other = [(p, t) for p, t in ts if not t.is_floating_point()]
    return {
        "bytes": sum(t.numel() * t.element_size() for _, t in fl),
        "elements": sum(t.numel() for _, t in fl),
        "bookkeeping_bytes": sum(t.numel() * t.element_size() for _, t in other),
        "shapes": [[p, list(t.shape), str(t.dtype).replace("torch.", "")] for p, t in fl],
        "cache_class": type(cache).__name__,
        "layer_classes": [type(l).__name__ for l in getattr(cache, "layers", [])],
    }


def past_of(out):
    pkv = getattr(out, "past_key_values", None)
    return pkv if pkv is not None else out.cache_params


def run_tiny(typ, d):
    cfg = load_config(d)
    cfg._attn_implementation = "eager"
    torch.manual_seed(0)
    cls = model_class(cfg)
    model = cls.from_config(cfg, attn_implementation="eager").to(torch.float32).eval()
    params = sum(p.numel() for p in model.parameters())
    with torch.device("meta"):
        mm = cls.from_config(cfg)
    meta = count(mm, cfg)
    meta["class"] = type(mm).__name__
    del mm
    vocab = cfg.get_text_config().vocab_size
    g = torch.Generator().manual_seed(1)
    res = {"params_cpu": params, "meta": meta, "lengths": {}, "decode": []}
    ids_all = torch.randint(3, vocab, (1, max(PROMPT_LENGTHS)), generator=g)
    with torch.no_grad():
        for L in PROMPT_LENGTHS:
            out = model(input_ids=ids_all[:, :L], use_cache=True)
            m = measure(past_of(out))
            if L != max(PROMPT_LENGTHS) and L != 17:
                m.pop("shapes")
            res["lengths"][str(L)] = m
        pkv = past_of(out)
        nxt = out.logits[:, -1:].argmax(-1)
        L = max(PROMPT_LENGTHS)
        for s in range(DECODE_STEPS):
            if hasattr(out, "cache_params"):  # mamba2 names its cache cache_params
                out = model(input_ids=nxt, cache_params=pkv, use_cache=True)
            else:
                out = model(input_ids=nxt, past_key_values=pkv, use_cache=True)
            pkv = past_of(out)
            nxt = out.logits[:, -1:].argmax(-1)
            m = measure(pkv)
            res["decode"].append({"tokens": L + s + 1, "bytes": m["bytes"], "elements": m["elements"]})
        res["decode_last_shapes"] = m["shapes"]
    b40 = res["lengths"]["40"]["elements"]
    b64 = res["lengths"]["64"]["elements"]
    growth = (b64 - b40) / 24
    dec = [x["elements"] for x in res["decode"]]
    res["derived"] = {
        "growth_elements_per_token": growth if growth != int(growth) else int(growth),
        "growth_per_token_in_decode": [dec[0] - b64] + [dec[i + 1] - dec[i] for i in range(len(dec) - 1)],
        "constant_elements": b64 - growth * 64 if growth == int(growth) else None,
        "note": "elements of float32 cache tensors; growth from prompts 40 -> 64 (past every window/chunk of 16); "
                "constant = elements(64) - growth * 64, i.e. recurrent state plus what sliding/chunked layers hold once full",
    }
    return res


# ----------------------------------------------------------------------------------------


def main():
    pub = {}
    for p in sorted(glob.glob(os.path.join(REF, "*.json"))):
        stem = os.path.basename(p)[:-5]
        if stem == "EXPECTED" or stem.endswith(".resaved"):
            continue
        with open(p) as f:
            pub[stem] = json.load(f)
    old = {}
    for p in sorted(glob.glob(os.path.join(HF, "*.json"))):
        with open(p) as f:
            old[os.path.basename(p)[:-5]] = json.load(f)

    expected = []
    exp_path = os.path.join(REF, "EXPECTED.json")
    if ONLY and os.path.exists(exp_path):
        with open(exp_path) as f:
            expected = [e for e in json.load(f) if e["file"].split("/")[-1][:-5].replace(".resaved", "") not in ONLY
                        and e.get("tiny_type") not in ONLY]

    def record(file, d, form, res, notes):
        expected.append({
            "file": file, "model_type": d.get("model_type"), "form": form, "class": res.get("class"),
            "total": res.get("total"), "active": res.get("active"), "vision": res.get("vision"),
            "groups": res.get("groups"), "buffers": res.get("buffers"),
            "num_parameters_agrees": res.get("num_parameters_agrees"),
            "moe_layers": res.get("moe_layers"), "moe_layer_detail": res.get("moe_layer_detail"),
            "text_config_alone": res.get("text_config_alone"), "notes": notes,
        })

    jobs = [(k, d, "reference/%s.json" % k, "reference/%s.resaved.json" % k, os.path.join(REF, k + ".resaved.json")) for k, d in pub.items()]
    jobs += [(k, d, "%s.json" % k, "reference/resaved/%s.json" % k, os.path.join(REF, "resaved", k + ".json")) for k, d in old.items()]
    for stem, d, pub_file, res_file, res_path in jobs:
        if ONLY and stem not in ONLY:
            continue
        t0 = time.time()
        notes = []
        if d.get("model_type") in TYPE_ALIASES:
            notes.append("model_type %s is not in transformers %s; loaded and counted with %s classes"
                         % (d["model_type"], transformers.__version__, TYPE_ALIASES[d["model_type"]]))
        try:
            cfg = load_config(d)
            text = resave(cfg)
            with open(res_path, "w") as f:
                f.write(text)
            r = meta_count(cfg)
            if r["other_names"]:
                notes.append("group 'other': " + ", ".join(r["other_names"]))
            record(pub_file, d, "published", r, notes)
            rd = json.loads(text)
            r2 = meta_count(load_config(rd))
            record(res_file, rd, "resaved", r2, list(notes) + (['the resaved text writes float("inf") as {"__float__": "Infinity"}'] if "__float__" in text else []))
            print("%-40s %-18s total %16d active %16d  %.1fs" % (stem, d.get("model_type"), r["total"], r["active"], time.time() - t0), flush=True)
        except Exception as e:  # noqa: BLE001
            traceback.print_exc()
            record(pub_file, d, "published", {}, notes + ["FAILED: %s: %s" % (type(e).__name__, str(e)[:300])])
            print("%-40s FAILED %s" % (stem, e), flush=True)

    for typ, (src, td) in tiny_configs(pub).items():
        if ONLY and typ not in ONLY and src not in ONLY:
            continue
        path = os.path.join(REF, "tiny", typ + ".json")
        with open(path, "w") as f:
            f.write(json.dumps(td, indent=2, sort_keys=True) + "\n")
        t0 = time.time()
        notes = ["tiny config of %s (from %s.json)" % (typ, src)]
        if td.get("model_type") in TYPE_ALIASES:
            notes.append("counted and run with %s classes" % TYPE_ALIASES[td["model_type"]])
        try:
            r = run_tiny(typ, td)
            e = {"file": "reference/tiny/%s.json" % typ, "model_type": td.get("model_type"), "form": "tiny",
                 "tiny_type": typ, "class": r["meta"]["class"], "total": r["meta"]["total"], "active": r["meta"]["active"],
                 "vision": r["meta"]["vision"], "groups": r["meta"]["groups"], "buffers": r["meta"]["buffers"],
                 "params_cpu_model": r["params_cpu"], "cache": {"dtype": "float32", "prompt_lengths": r["lengths"],
                 "decode": r["decode"], "decode_last_shapes": r["decode_last_shapes"], "derived": r["derived"]},
                 "notes": notes}
            expected.append(e)
            print("tiny %-18s params %8d growth %s const %s  %.1fs" % (typ, r["meta"]["total"], r["derived"]["growth_elements_per_token"],
                  r["derived"]["constant_elements"], time.time() - t0), flush=True)
        except Exception as ex:  # noqa: BLE001
            traceback.print_exc()
            expected.append({"file": "reference/tiny/%s.json" % typ, "model_type": td.get("model_type"), "form": "tiny",
                             "tiny_type": typ, "notes": notes + ["FAILED: %s: %s" % (type(ex).__name__, str(ex)[:300])]})
            print("tiny %-18s FAILED %s" % (typ, ex), flush=True)

    order = {"published": 0, "resaved": 1, "tiny": 2}
    expected.sort(key=lambda e: (order[e["form"]], e["file"]))
    with open(exp_path, "w") as f:
        f.write(json.dumps({"transformers": transformers.__version__, "torch": torch.__version__,
                            "group_rules": GROUP_RULES.splitlines(), "entries": expected}, indent=1) + "\n"
                if False else json.dumps(expected, indent=1) + "\n")
    with open(os.path.join(REF, "GROUP_RULES.txt"), "w") as f:
        f.write(GROUP_RULES + "\n")


if __name__ == "__main__":
    main()
