# The hand-written inputs: writes Tests/Fixtures/hf/reference/<Name>.json (sorted keys, 2-space indent).
# Kept so the reconstructed configs can be reviewed and regenerated; see README.md there for provenance.
# Run by hand: /work/venv-hf/bin/python scripts/hf-reference/published_configs.py (before make_reference.py).
import json, os
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "Fixtures", "hf", "reference")
C = {}
gptoss_common = {
  "architectures": ["GptOssForCausalLM"], "attention_bias": True, "attention_dropout": 0.0,
  "eos_token_id": 200002, "experts_per_token": 4, "head_dim": 64, "hidden_act": "silu",
  "hidden_size": 2880, "initial_context_length": 4096, "initializer_range": 0.02,
  "intermediate_size": 2880, "max_position_embeddings": 131072, "model_type": "gpt_oss",
  "num_attention_heads": 64, "num_experts_per_tok": 4, "num_key_value_heads": 8,
  "output_router_logits": False, "pad_token_id": 199999,
  "quantization_config": {"modules_to_not_convert": ["model.layers.*.self_attn", "model.layers.*.mlp.router", "model.embed_tokens", "lm_head"], "quant_method": "mxfp4"},
  "rms_norm_eps": 1e-05,
  "rope_scaling": {"beta_fast": 32.0, "beta_slow": 1.0, "factor": 32.0, "original_max_position_embeddings": 4096, "rope_type": "yarn", "truncate": False},
  "rope_theta": 150000, "router_aux_loss_coef": 0.9, "sliding_window": 128, "swiglu_limit": 7.0,
  "tie_word_embeddings": False, "transformers_version": "4.55.0.dev0", "use_cache": True, "vocab_size": 201088}
C["gpt-oss-120b"] = dict(gptoss_common, layer_types=["sliding_attention", "full_attention"] * 18, num_hidden_layers=36, num_local_experts=128)
C["gpt-oss-20b"] = dict(gptoss_common, layer_types=["sliding_attention", "full_attention"] * 12, num_hidden_layers=24, num_local_experts=32)

l4text = {
  "attention_bias": False, "attention_chunk_size": 8192, "attention_dropout": 0.0,
  "attn_scale": 0.1, "attn_temperature_tuning": True, "bos_token_id": 200000,
  "eos_token_id": [200001, 200007, 200008], "floor_scale": 8192, "for_llm_compressor": False,
  "head_dim": 128, "hidden_act": "silu", "hidden_size": 5120, "initializer_range": 0.02,
  "interleave_moe_layer_step": 1, "intermediate_size": 8192, "intermediate_size_mlp": 16384,
  "max_position_embeddings": 10485760, "model_type": "llama4_text", "moe_layers": list(range(48)),
  "no_rope_layers": [1, 1, 1, 0] * 12, "num_attention_heads": 40, "num_experts_per_tok": 1,
  "num_hidden_layers": 48, "num_key_value_heads": 8, "num_local_experts": 16,
  "output_router_logits": False, "pad_token_id": 200018, "rms_norm_eps": 1e-05,
  "rope_scaling": {"factor": 16.0, "high_freq_factor": 1.0, "low_freq_factor": 1.0, "original_max_position_embeddings": 8192, "rope_type": "llama3"},
  "rope_theta": 500000.0, "router_aux_loss_coef": 0.001, "router_jitter_noise": 0.0,
  "torch_dtype": "bfloat16", "use_cache": True, "use_qk_norm": True, "vocab_size": 202048}
C["Llama-4-Scout-17B-16E"] = {
  "architectures": ["Llama4ForConditionalGeneration"], "boi_token_index": 200080, "eoi_token_index": 200081,
  "image_token_index": 200092, "model_type": "llama4", "text_config": l4text, "tie_word_embeddings": False,
  "torch_dtype": "bfloat16", "transformers_version": "4.51.0.dev0",
  "vision_config": {"attention_dropout": 0.0, "hidden_act": "gelu", "hidden_size": 1408, "image_size": 336,
    "initializer_range": 0.02, "intermediate_size": 5632, "model_type": "llama4_vision_model",
    "multi_modal_projector_bias": False, "norm_eps": 1e-05, "num_attention_heads": 16, "num_channels": 3,
    "num_hidden_layers": 34, "patch_size": 14, "pixel_shuffle_ratio": 0.5, "projector_dropout": 0.0,
    "projector_input_dim": 4096, "projector_output_dim": 4096, "rope_theta": 10000,
    "vision_feature_layer": -1, "vision_feature_select_strategy": "default", "vision_output_dim": 4096}}
C["Llama-4-Scout-17B-16E.text"] = dict(l4text, architectures=["Llama4ForCausalLM"], tie_word_embeddings=False, transformers_version="4.51.0.dev0")

C["Qwen3-Next-80B-A3B-Instruct"] = {
  "architectures": ["Qwen3NextForCausalLM"], "attention_bias": False, "attention_dropout": 0.0,
  "bos_token_id": 151643, "decoder_sparse_step": 1, "eos_token_id": 151645, "full_attention_interval": 4,
  "head_dim": 256, "hidden_act": "silu", "hidden_size": 2048, "initializer_range": 0.02,
  "intermediate_size": 5120, "linear_conv_kernel_dim": 4, "linear_key_head_dim": 128,
  "linear_num_key_heads": 16, "linear_num_value_heads": 32, "linear_value_head_dim": 128,
  "max_position_embeddings": 262144, "mlp_only_layers": [], "model_type": "qwen3_next",
  "moe_intermediate_size": 512, "norm_topk_prob": True, "num_attention_heads": 16, "num_experts": 512,
  "num_experts_per_tok": 10, "num_hidden_layers": 48, "num_key_value_heads": 2,
  "output_router_logits": False, "partial_rotary_factor": 0.25, "rms_norm_eps": 1e-06,
  "rope_scaling": None, "rope_theta": 10000000, "router_aux_loss_coef": 0.001,
  "shared_expert_intermediate_size": 512, "tie_word_embeddings": False, "torch_dtype": "bfloat16",
  "transformers_version": "4.57.0.dev0", "use_cache": True, "use_sliding_window": False, "vocab_size": 151936}

C["GLM-4.5-Air"] = {
  "architectures": ["Glm4MoeForCausalLM"], "attention_bias": True, "attention_dropout": 0.0,
  "eos_token_id": [151329, 151336, 151338], "first_k_dense_replace": 1, "head_dim": 128,
  "hidden_act": "silu", "hidden_size": 4096, "initializer_range": 0.02, "intermediate_size": 10944,
  "max_position_embeddings": 131072, "model_type": "glm4_moe", "moe_intermediate_size": 1408,
  "n_group": 1, "n_routed_experts": 128, "n_shared_experts": 1, "norm_topk_prob": True,
  "num_attention_heads": 96, "num_experts_per_tok": 8, "num_hidden_layers": 46,
  "num_key_value_heads": 8, "num_nextn_predict_layers": 1, "pad_token_id": 151329,
  "partial_rotary_factor": 0.5, "rms_norm_eps": 1e-05, "rope_scaling": None, "rope_theta": 1000000,
  "routed_scaling_factor": 1.0, "tie_word_embeddings": False, "topk_group": 1, "torch_dtype": "bfloat16",
  "transformers_version": "4.54.0", "use_cache": True, "use_qk_norm": False, "vocab_size": 151552}

C["GLM-4-9B-0414"] = {
  "architectures": ["Glm4ForCausalLM"], "attention_bias": True, "attention_dropout": 0.0,
  "eos_token_id": [151329, 151336, 151338], "head_dim": 128, "hidden_act": "silu", "hidden_size": 4096,
  "initializer_range": 0.02, "intermediate_size": 13696, "max_position_embeddings": 32768,
  "model_type": "glm4", "num_attention_heads": 32, "num_hidden_layers": 40, "num_key_value_heads": 2,
  "pad_token_id": 151329, "partial_rotary_factor": 0.5, "rms_norm_eps": 1e-05, "rope_theta": 10000.0,
  "tie_word_embeddings": False, "torch_dtype": "bfloat16", "transformers_version": "4.52.0.dev0",
  "use_cache": True, "vocab_size": 151552}

C["c4ai-command-r-v01"] = {
  "architectures": ["CohereForCausalLM"], "attention_bias": False, "attention_dropout": 0.0,
  "bos_token_id": 5, "eos_token_id": 255001, "hidden_act": "silu", "hidden_size": 8192,
  "initializer_range": 0.02, "intermediate_size": 22528, "layer_norm_eps": 1e-05, "logit_scale": 0.0625,
  "max_position_embeddings": 8192, "model_max_length": 131072, "model_type": "cohere",
  "num_attention_heads": 64, "num_hidden_layers": 40, "num_key_value_heads": 64, "pad_token_id": 0,
  "rope_theta": 8000000.0, "torch_dtype": "float16", "transformers_version": "4.38.0.dev0",
  "use_cache": True, "use_qk_norm": False, "vocab_size": 256000}

C["c4ai-command-r7b-12-2024"] = {
  "architectures": ["Cohere2ForCausalLM"], "attention_bias": False, "attention_dropout": 0.0,
  "bos_token_id": 5, "cache_implementation": "hybrid", "eos_token_id": 255001, "head_dim": 128,
  "hidden_act": "silu", "hidden_size": 4096, "initializer_range": 0.02, "intermediate_size": 14336,
  "layer_norm_eps": 1e-05, "logit_scale": 0.25, "max_position_embeddings": 8192, "model_type": "cohere2",
  "num_attention_heads": 32, "num_hidden_layers": 32, "num_key_value_heads": 8,
  "order_of_interleaved_layers": "local_attn_first", "pad_token_id": 0, "position_embedding_type": "rope_gptj",
  "rope_scaling": None, "rope_theta": 50000, "rotary_pct": 1.0, "sliding_window": 4096,
  "sliding_window_pattern": 4, "torch_dtype": "bfloat16", "transformers_version": "4.48.0.dev0",
  "use_cache": True, "use_embedding_sharing": True, "use_gated_activation": True, "use_parallel_block": True,
  "use_parallel_embedding": True, "vocab_size": 256000}

C["phi-2"] = {
  "_name_or_path": "microsoft/phi-2", "architectures": ["PhiForCausalLM"], "attention_dropout": 0.0,
  "bos_token_id": 50256, "embd_pdrop": 0.0, "eos_token_id": 50256, "hidden_act": "gelu_new",
  "hidden_size": 2560, "initializer_range": 0.02, "intermediate_size": 10240, "layer_norm_eps": 1e-05,
  "max_position_embeddings": 2048, "model_type": "phi", "num_attention_heads": 32, "num_hidden_layers": 32,
  "num_key_value_heads": 32, "partial_rotary_factor": 0.4, "qk_layernorm": False, "resid_pdrop": 0.1,
  "rope_scaling": None, "rope_theta": 10000.0, "tie_word_embeddings": False, "torch_dtype": "float16",
  "transformers_version": "4.37.0", "use_cache": True, "vocab_size": 51200}

C["granite-3.1-8b-instruct"] = {
  "architectures": ["GraniteForCausalLM"], "attention_bias": False, "attention_dropout": 0.1,
  "attention_multiplier": 0.0078125, "bos_token_id": 0, "embedding_multiplier": 12.0, "eos_token_id": 0,
  "hidden_act": "silu", "hidden_size": 4096, "initializer_range": 0.02, "intermediate_size": 12800,
  "logits_scaling": 16.0, "max_position_embeddings": 131072, "mlp_bias": False, "model_type": "granite",
  "num_attention_heads": 32, "num_hidden_layers": 40, "num_key_value_heads": 8, "pad_token_id": 0,
  "residual_multiplier": 0.22, "rms_norm_eps": 1e-05, "rope_scaling": None, "rope_theta": 10000000.0,
  "tie_word_embeddings": True, "torch_dtype": "bfloat16", "transformers_version": "4.47.0",
  "use_cache": True, "vocab_size": 49155}

C["granite-3.1-3b-a800m-instruct"] = {
  "architectures": ["GraniteMoeForCausalLM"], "attention_bias": False, "attention_dropout": 0.1,
  "attention_multiplier": 0.015625, "bos_token_id": 0, "embedding_multiplier": 12.0, "eos_token_id": 0,
  "hidden_act": "silu", "hidden_size": 1536, "initializer_range": 0.02, "intermediate_size": 512,
  "logits_scaling": 6.0, "max_position_embeddings": 131072, "model_type": "granitemoe",
  "num_attention_heads": 24, "num_experts_per_tok": 8, "num_hidden_layers": 32, "num_key_value_heads": 8,
  "num_local_experts": 40, "output_router_logits": False, "pad_token_id": 0, "residual_multiplier": 0.22,
  "rms_norm_eps": 1e-06, "rope_scaling": None, "rope_theta": 10000000.0, "router_aux_loss_coef": 0.0,
  "tie_word_embeddings": True, "torch_dtype": "bfloat16", "transformers_version": "4.47.0",
  "use_cache": True, "vocab_size": 49155}

ht_layers = ["attention" if i in (5, 15, 25, 35) else "mamba" for i in range(40)]
C["granite-4.0-h-tiny"] = {
  "architectures": ["GraniteMoeHybridForCausalLM"], "attention_bias": False, "attention_dropout": 0.0,
  "attention_multiplier": 0.0078125, "bos_token_id": 100257, "embedding_multiplier": 12,
  "eos_token_id": 100257, "hidden_act": "silu", "hidden_size": 1536, "init_method": "mup",
  "initializer_range": 0.1, "intermediate_size": 512, "layer_types": ht_layers, "logits_scaling": 6,
  "mamba_chunk_size": 256, "mamba_conv_bias": True, "mamba_d_conv": 4, "mamba_d_head": 64,
  "mamba_d_state": 128, "mamba_expand": 2, "mamba_n_groups": 1, "mamba_n_heads": 48,
  "mamba_proj_bias": False, "max_position_embeddings": 131072, "model_type": "granitemoehybrid",
  "normalization_function": "rmsnorm", "num_attention_heads": 12, "num_experts_per_tok": 6,
  "num_hidden_layers": 40, "num_key_value_heads": 4, "num_local_experts": 64, "output_router_logits": False,
  "pad_token_id": 100256, "position_embedding_type": "nope", "residual_multiplier": 0.22,
  "rms_norm_eps": 1e-05, "rope_scaling": None, "rope_theta": 10000, "router_aux_loss_coef": 0.0,
  "shared_intermediate_size": 1024, "tie_word_embeddings": True, "torch_dtype": "bfloat16",
  "transformers_version": "4.56.0", "use_cache": True, "vocab_size": 100352}

C["SmolLM3-3B"] = {
  "architectures": ["SmolLM3ForCausalLM"], "attention_bias": False, "attention_dropout": 0.0,
  "bos_token_id": None, "eos_token_id": 128012, "hidden_act": "silu", "hidden_size": 2048,
  "initializer_range": 0.02, "intermediate_size": 11008, "layer_types": ["full_attention"] * 36,
  "max_position_embeddings": 65536, "max_window_layers": 28, "mlp_bias": False, "model_type": "smollm3",
  "no_rope_layer_interval": 4, "no_rope_layers": [1, 1, 1, 0] * 9, "num_attention_heads": 16,
  "num_hidden_layers": 36, "num_key_value_heads": 4, "pad_token_id": 128004, "pretraining_tp": 2,
  "rms_norm_eps": 1e-06, "rope_scaling": None, "rope_theta": 5000000.0, "sliding_window": None,
  "torch_dtype": "bfloat16", "transformers_version": "4.54.0.dev0", "use_cache": False,
  "use_sliding_window": False, "vocab_size": 128256}

C["Seed-OSS-36B-Instruct"] = {
  "architectures": ["SeedOssForCausalLM"], "attention_bias": True, "attention_dropout": 0.1,
  "attention_out_bias": False, "bos_token_id": 0, "eos_token_id": 2, "head_dim": 128, "hidden_act": "silu",
  "hidden_size": 5120, "initializer_range": 0.02, "intermediate_size": 27648, "max_position_embeddings": 524288,
  "mlp_bias": False, "model_type": "seed_oss", "num_attention_heads": 80, "num_hidden_layers": 64,
  "num_key_value_heads": 8, "pad_token_id": 1, "residual_dropout": 0.1, "rms_norm_eps": 1e-06,
  "rope_scaling": {"rope_type": "default"}, "rope_theta": 10000000.0, "tie_word_embeddings": False,
  "torch_dtype": "bfloat16", "transformers_version": "4.55.0", "use_cache": True, "vocab_size": 155136}

C["Olmo-3-1025-7B"] = {
  "architectures": ["Olmo3ForCausalLM"], "attention_bias": False, "attention_dropout": 0.0,
  "eos_token_id": 100257, "hidden_act": "silu", "hidden_size": 4096, "initializer_range": 0.02,
  "intermediate_size": 11008, "layer_types": ["sliding_attention"] * 3 + ["full_attention"],
  "max_position_embeddings": 65536, "model_type": "olmo3", "num_attention_heads": 32,
  "num_hidden_layers": 32, "num_key_value_heads": 32, "pad_token_id": 100277, "rms_norm_eps": 1e-06,
  "rope_scaling": {"attention_factor": 1.2079441541679836, "beta_fast": 32, "beta_slow": 1, "factor": 8.0, "original_max_position_embeddings": 8192, "rope_type": "yarn"},
  "rope_theta": 500000, "sliding_window": 4096, "tie_word_embeddings": False, "torch_dtype": "bfloat16",
  "transformers_version": "4.57.0", "use_cache": True, "vocab_size": 100278}
C["Olmo-3-1025-7B"]["layer_types"] = C["Olmo-3-1025-7B"]["layer_types"] * 8

C["Mistral-Small-3.1-24B-Instruct-2503"] = {
  "architectures": ["Mistral3ForConditionalGeneration"], "image_token_index": 10, "model_type": "mistral3",
  "multimodal_projector_bias": False, "projector_hidden_act": "gelu", "spatial_merge_size": 2,
  "text_config": {"attention_dropout": 0.0, "head_dim": 128, "hidden_act": "silu", "hidden_size": 5120,
    "initializer_range": 0.02, "intermediate_size": 32768, "max_position_embeddings": 131072,
    "model_type": "mistral", "num_attention_heads": 32, "num_hidden_layers": 40, "num_key_value_heads": 8,
    "rms_norm_eps": 1e-05, "rope_theta": 1000000000.0, "sliding_window": None, "use_cache": True,
    "vocab_size": 131072},
  "torch_dtype": "bfloat16", "transformers_version": "4.50.0.dev0",
  "vision_config": {"attention_dropout": 0.0, "head_dim": 64, "hidden_act": "silu", "hidden_size": 1024,
    "image_size": 1540, "initializer_range": 0.02, "intermediate_size": 4096, "model_type": "pixtral",
    "num_attention_heads": 16, "num_channels": 3, "num_hidden_layers": 24, "patch_size": 14, "rope_theta": 10000.0},
  "vision_feature_layer": -1}

C["Jamba-v0.1"] = {
  "architectures": ["JambaForCausalLM"], "attention_dropout": 0.0, "attn_layer_offset": 4, "attn_layer_period": 8,
  "bos_token_id": 1, "eos_token_id": 2, "expert_layer_offset": 1, "expert_layer_period": 2, "hidden_act": "silu",
  "hidden_size": 4096, "initializer_range": 0.02, "intermediate_size": 14336, "mamba_conv_bias": True,
  "mamba_d_conv": 4, "mamba_d_state": 16, "mamba_dt_rank": 256, "mamba_expand": 2, "mamba_proj_bias": False,
  "max_position_embeddings": 262144, "model_type": "jamba", "num_attention_heads": 32, "num_experts": 16,
  "num_experts_per_tok": 2, "num_hidden_layers": 32, "num_key_value_heads": 8, "num_logits_to_keep": 1,
  "output_router_logits": False, "pad_token_id": 0, "rms_norm_eps": 1e-06, "router_aux_loss_coef": 0.001,
  "sliding_window": None, "tie_word_embeddings": False, "torch_dtype": "bfloat16",
  "transformers_version": "4.40.0.dev0", "use_cache": True, "use_mamba_kernels": True, "vocab_size": 65536}

C["NVIDIA-Nemotron-Nano-9B-v2"] = {
  "architectures": ["NemotronHForCausalLM"], "attention_bias": False, "attention_dropout": 0.0,
  "attention_head_dim": 128, "bos_token_id": 1, "chunk_size": 128, "conv_kernel": 4, "eos_token_id": 12,
  "head_dim": 128, "hidden_dropout": 0.0, "hidden_size": 4480,
  "hybrid_override_pattern": "M-M-M-MM-M-M-M*-M-M-M*-M-M-M-M*-M-M-M-M*-M-MM-M-M-M-M-M-",
  "initializer_range": 0.02, "intermediate_size": 15680, "layer_norm_epsilon": 1e-05, "mamba_head_dim": 80,
  "mamba_hidden_act": "silu", "mamba_num_heads": 128, "mamba_proj_bias": False, "max_position_embeddings": 131072,
  "mlp_bias": False, "mlp_hidden_act": "relu2", "model_type": "nemotron_h", "n_groups": 8,
  "num_attention_heads": 40, "num_hidden_layers": 56, "num_key_value_heads": 8, "num_logits_to_keep": 1,
  "pad_token_id": 0, "rescale_prenorm_residual": True, "residual_in_fp32": False, "rms_norm_eps": 1e-05,
  "sliding_window": None, "ssm_state_size": 128, "tie_word_embeddings": False, "time_step_floor": 0.0001,
  "time_step_max": 0.1, "time_step_min": 0.001, "time_step_rank": 256, "torch_dtype": "bfloat16",
  "transformers_version": "4.51.3", "use_bias": False, "use_cache": True, "use_conv_bias": True,
  "use_mamba_kernels": True, "vocab_size": 131072}

C["gemma-3-4b-it"] = {
  "architectures": ["Gemma3ForConditionalGeneration"], "boi_token_index": 255999, "eoi_token_index": 256000,
  "eos_token_id": [1, 106], "image_token_index": 262144, "initializer_range": 0.02, "mm_tokens_per_image": 256,
  "model_type": "gemma3",
  "text_config": {"hidden_size": 2560, "intermediate_size": 10240, "model_type": "gemma3_text",
    "num_hidden_layers": 34, "rope_scaling": {"factor": 8.0, "rope_type": "linear"}, "sliding_window": 1024},
  "torch_dtype": "bfloat16", "transformers_version": "4.50.0.dev0",
  "vision_config": {"hidden_size": 1152, "image_size": 896, "intermediate_size": 4304,
    "model_type": "siglip_vision_model", "num_attention_heads": 16, "num_hidden_layers": 27,
    "patch_size": 14, "vision_use_head": False}}

C["Kimi-K2-Instruct"] = {
  "architectures": ["DeepseekV3ForCausalLM"], "attention_bias": False, "attention_dropout": 0.0,
  "auto_map": {"AutoConfig": "configuration_deepseek.DeepseekV3Config", "AutoModel": "modeling_deepseek.DeepseekV3Model", "AutoModelForCausalLM": "modeling_deepseek.DeepseekV3ForCausalLM"},
  "aux_loss_alpha": 0.001, "bos_token_id": 163584, "eos_token_id": 163585, "first_k_dense_replace": 1,
  "hidden_act": "silu", "hidden_size": 7168, "initializer_range": 0.02, "intermediate_size": 18432,
  "kv_lora_rank": 512, "max_position_embeddings": 131072, "model_type": "kimi_k2", "moe_intermediate_size": 2048,
  "moe_layer_freq": 1, "n_group": 1, "n_routed_experts": 384, "n_shared_experts": 1, "norm_topk_prob": True,
  "num_attention_heads": 64, "num_experts_per_tok": 8, "num_hidden_layers": 61, "num_key_value_heads": 64,
  "num_nextn_predict_layers": 0, "pretraining_tp": 1, "q_lora_rank": 1536, "qk_nope_head_dim": 128,
  "qk_rope_head_dim": 64,
  "quantization_config": {"activation_scheme": "dynamic", "fmt": "e4m3", "quant_method": "fp8", "weight_block_size": [128, 128]},
  "rms_norm_eps": 1e-06,
  "rope_scaling": {"beta_fast": 1.0, "beta_slow": 1.0, "factor": 32.0, "mscale": 1.0, "mscale_all_dim": 1.0, "original_max_position_embeddings": 4096, "type": "yarn"},
  "rope_theta": 50000.0, "routed_scaling_factor": 2.827, "scoring_func": "sigmoid", "seq_aux": True,
  "tie_word_embeddings": False, "topk_group": 1, "topk_method": "noaux_tc", "torch_dtype": "bfloat16",
  "transformers_version": "4.48.3", "use_cache": True, "v_head_dim": 128, "vocab_size": 163840}

C["EXAONE-4.0-32B"] = {
  "architectures": ["Exaone4ForCausalLM"], "attention_dropout": 0.0, "bos_token_id": 1, "eos_token_id": 361,
  "head_dim": 128, "hidden_act": "silu", "hidden_size": 5120, "initializer_range": 0.02,
  "intermediate_size": 27392, "layer_types": (["sliding_attention"] * 3 + ["full_attention"]) * 16,
  "max_position_embeddings": 131072, "model_type": "exaone4", "num_attention_heads": 40,
  "num_hidden_layers": 64, "num_key_value_heads": 8, "pad_token_id": 0, "rms_norm_eps": 1e-05,
  "rope_scaling": {"factor": 16.0, "high_freq_factor": 4.0, "low_freq_factor": 1.0, "original_max_position_embeddings": 8192, "rope_type": "llama3"},
  "rope_theta": 1000000, "sliding_window": 4096, "sliding_window_pattern": "LLLG", "tie_word_embeddings": False,
  "torch_dtype": "bfloat16", "transformers_version": "4.54.0.dev0", "use_cache": True, "vocab_size": 102400}

C["ERNIE-4.5-0.3B-PT"] = {
  "architectures": ["Ernie4_5ForCausalLM"], "bos_token_id": 1, "eos_token_id": 2, "head_dim": 128,
  "hidden_act": "silu", "hidden_size": 1024, "intermediate_size": 3072, "max_position_embeddings": 131072,
  "model_type": "ernie4_5", "num_attention_heads": 16, "num_hidden_layers": 18, "num_key_value_heads": 2,
  "pad_token_id": 0, "rms_norm_eps": 1e-05, "rope_theta": 500000, "tie_word_embeddings": True,
  "torch_dtype": "bfloat16", "use_bias": False, "use_cache": False, "vocab_size": 103424}

C["ERNIE-4.5-21B-A3B-PT"] = {
  "architectures": ["Ernie4_5_MoeForCausalLM"], "bos_token_id": 1, "eos_token_id": 2, "hidden_act": "silu",
  "hidden_size": 2560, "intermediate_size": 12288, "max_position_embeddings": 131072, "model_type": "ernie4_5_moe",
  "moe_capacity": [64, 64, 64], "moe_gate": "topk", "moe_intermediate_size": 1536, "moe_k": 6,
  "moe_layer_end_index": 27, "moe_layer_interval": 1, "moe_layer_start_index": 1, "moe_num_experts": 64,
  "moe_num_shared_experts": 2, "moe_use_aux_free": True, "num_attention_heads": 20, "num_hidden_layers": 28,
  "num_key_value_heads": 4, "pad_token_id": 0, "rms_norm_eps": 1e-05, "rope_theta": 500000,
  "tie_word_embeddings": True, "torch_dtype": "bfloat16", "use_bias": False, "use_cache": True, "vocab_size": 103424}

C["Hunyuan-7B-Instruct"] = {
  "architectures": ["HunYuanDenseV1ForCausalLM"], "attention_bias": False, "attention_dropout": 0.0,
  "attention_head_dim": 128, "bos_token_id": 1, "eos_token_id": 127960, "head_dim": 128, "hidden_act": "silu",
  "hidden_size": 4096, "initializer_range": 0.02, "intermediate_size": 14336, "max_position_embeddings": 262144,
  "mlp_bias": False, "model_type": "hunyuan_v1_dense", "norm_type": "rms", "num_attention_heads": 32,
  "num_hidden_layers": 32, "num_key_value_heads": 8, "pad_token_id": 127961, "rms_norm_eps": 1e-05,
  "rope_scaling": {"alpha": 50.0, "beta_fast": 32, "beta_slow": 1, "factor": 1.0, "mscale": 1.0, "mscale_all_dim": 1.0, "type": "dynamic"},
  "rope_theta": 10000.0, "tie_word_embeddings": False, "torch_dtype": "bfloat16", "transformers_version": "4.56.0",
  "use_cache": True, "use_qk_norm": True, "vocab_size": 128167}

C["Hunyuan-A13B-Instruct"] = {
  "architectures": ["HunYuanMoEV1ForCausalLM"], "attention_bias": False, "attention_dropout": 0.0,
  "attention_head_dim": 128, "bos_token_id": 1, "eos_token_id": 127960, "head_dim": 128, "hidden_act": "silu",
  "hidden_size": 4096, "initializer_range": 0.02, "intermediate_size": 3072, "max_position_embeddings": 32768,
  "mlp_bias": False, "model_type": "hunyuan_v1_moe", "moe_intermediate_size": [3072] * 32, "moe_topk": [8] * 32,
  "norm_type": "rms", "num_attention_heads": 32, "num_experts": 64, "num_hidden_layers": 32,
  "num_key_value_heads": 8, "num_shared_expert": [1] * 32, "pad_token_id": 127961, "rms_norm_eps": 1e-05,
  "rope_scaling": {"alpha": 1000.0, "beta_fast": 32, "beta_slow": 1, "factor": 1.0, "mscale": 1.0, "mscale_all_dim": 1.0, "type": "dynamic"},
  "rope_theta": 10000.0, "tie_word_embeddings": True, "torch_dtype": "bfloat16", "transformers_version": "4.56.0",
  "use_cache": True, "use_qk_norm": True, "vocab_size": 128167}

C["Falcon-H1-7B-Instruct"] = {
  "architectures": ["FalconH1ForCausalLM"], "attention_bias": False, "attention_dropout": 0.0,
  "attention_in_multiplier": 1.0, "attention_out_multiplier": 0.9375, "bos_token_id": 1,
  "embedding_multiplier": 5.656854249492381, "eos_token_id": 11, "head_dim": 128, "hidden_act": "silu",
  "hidden_size": 3072, "initializer_range": 0.02, "intermediate_size": 12288, "key_multiplier": 0.390625,
  "lm_head_multiplier": 0.0390625, "mamba_chunk_size": 128, "mamba_conv_bias": True, "mamba_d_conv": 4,
  "mamba_d_head": 128, "mamba_d_ssm": 3072, "mamba_d_state": 256, "mamba_expand": 2, "mamba_n_groups": 1,
  "mamba_n_heads": 24, "mamba_norm_before_gate": False, "mamba_proj_bias": False, "mamba_rms_norm": False,
  "mamba_use_mlp": True, "max_position_embeddings": 262144, "mlp_bias": False, "mlp_expansion_factor": 8,
  "mlp_multipliers": [0.8838834764831844, 0.5859375], "model_type": "falcon_h1", "num_attention_heads": 12,
  "num_hidden_layers": 44, "num_key_value_heads": 2, "num_logits_to_keep": 1, "pad_token_id": 0,
  "projectors_bias": False, "rms_norm_eps": 1e-05, "rope_scaling": None, "rope_theta": 100000000000.0,
  "ssm_in_multiplier": 0.25, "ssm_multipliers": [0.3535533905932738, 0.25, 0.3535533905932738, 0.5, 0.3535533905932738],
  "ssm_out_multiplier": 0.23570226039551587, "tie_word_embeddings": False, "torch_dtype": "bfloat16",
  "transformers_version": "4.52.0.dev0", "use_cache": True, "vocab_size": 130049}

C["Bamba-9B"] = {
  "architectures": ["BambaForCausalLM"], "attention_dropout": 0.0, "attn_layer_indices": [9, 18, 27],
  "attn_rotary_emb": 64, "bos_token_id": 0, "eos_token_id": 0, "hidden_act": "silu", "hidden_size": 4096,
  "initializer_range": 0.02, "intermediate_size": 14336, "mamba_chunk_size": 256, "mamba_conv_bias": True,
  "mamba_d_conv": 4, "mamba_d_head": 64, "mamba_d_state": 128, "mamba_expand": 2, "mamba_n_groups": 1,
  "mamba_n_heads": 128, "mamba_proj_bias": False, "max_position_embeddings": 262144, "model_type": "bamba",
  "num_attention_heads": 32, "num_hidden_layers": 32, "num_key_value_heads": 8, "num_logits_to_keep": 1,
  "pad_token_id": 0, "rms_norm_eps": 1e-05, "rope_theta": 10000.0, "tie_word_embeddings": False,
  "torch_dtype": "bfloat16", "transformers_version": "4.48.0.dev0", "use_cache": True,
  "use_mamba_kernels": True, "vocab_size": 128256}

C["Mamba-Codestral-7B-v0.1"] = {
  "architectures": ["Mamba2ForCausalLM"], "bos_token_id": 0, "chunk_size": 256, "conv_kernel": 4,
  "eos_token_id": 0, "expand": 2, "head_dim": 64, "hidden_act": "silu", "hidden_size": 4096,
  "initializer_range": 0.1, "layer_norm_epsilon": 1e-05, "model_type": "mamba2", "n_groups": 8,
  "norm_before_gate": True, "num_heads": 128, "num_hidden_layers": 64, "pad_token_id": 0,
  "rescale_prenorm_residual": False, "residual_in_fp32": True, "rms_norm": True, "state_size": 128,
  "tie_word_embeddings": False, "time_step_floor": 0.0001, "time_step_init_scheme": "random",
  "time_step_max": 0.1, "time_step_min": 0.001, "time_step_rank": 256, "time_step_scale": 1.0,
  "torch_dtype": "bfloat16", "transformers_version": "4.44.0.dev0", "use_bias": False, "use_cache": True,
  "use_conv_bias": True, "vocab_size": 32768}

C["MiniMax-Text-01-hf"] = {
  "architectures": ["MiniMaxForCausalLM"], "attention_dropout": 0.0, "block_size": 256, "bos_token_id": None,
  "eos_token_id": None, "full_attn_alpha_factor": 3.5565588200778455, "full_attn_beta_factor": 1.0,
  "head_dim": 128, "hidden_act": "silu", "hidden_size": 6144, "initializer_range": 0.02,
  "intermediate_size": 9216, "layer_types": (["linear_attention"] * 7 + ["full_attention"]) * 10,
  "linear_attn_alpha_factor": 3.5565588200778455, "linear_attn_beta_factor": 1.0,
  "max_position_embeddings": 10240000, "mlp_alpha_factor": 3.5565588200778455, "mlp_beta_factor": 1.0,
  "model_type": "minimax", "num_attention_heads": 64, "num_experts_per_tok": 2, "num_hidden_layers": 80,
  "num_key_value_heads": 8, "num_local_experts": 32, "output_router_logits": False, "rms_norm_eps": 1e-05,
  "rope_theta": 10000000, "rotary_dim": 64, "router_aux_loss_coef": 0.001, "router_jitter_noise": 0.0,
  "sliding_window": None, "tie_word_embeddings": False, "torch_dtype": "bfloat16",
  "transformers_version": "4.53.0.dev0", "use_cache": True, "vocab_size": 200064}

C["Phi-3.5-MoE-instruct"] = {
  "architectures": ["PhiMoEForCausalLM"], "attention_bias": True, "attention_dropout": 0.0, "bos_token_id": 1,
  "eos_token_id": 32000, "hidden_act": "silu", "hidden_dropout": 0.0, "hidden_size": 4096,
  "initializer_range": 0.02, "input_jitter_noise": 0.01, "intermediate_size": 6400, "lm_head_bias": True,
  "max_position_embeddings": 131072, "model_type": "phimoe", "num_attention_heads": 32,
  "num_experts_per_tok": 2, "num_hidden_layers": 32, "num_key_value_heads": 8, "num_local_experts": 16,
  "original_max_position_embeddings": 4096, "output_router_logits": False, "rms_norm_eps": 1e-05,
  "rope_scaling": {"long_factor": [1.0] * 64, "long_mscale": 1.243163121016122, "original_max_position_embeddings": 4096, "short_factor": [1.0] * 64, "short_mscale": 1.1902380714238083, "type": "longrope"},
  "rope_theta": 10000.0, "router_aux_loss_coef": 0.0, "router_jitter_noise": 0.01, "sliding_window": 131072,
  "tie_word_embeddings": False, "torch_dtype": "bfloat16", "transformers_version": "4.43.3", "use_cache": True,
  "vocab_size": 32064}

C["DeepSeek-V3.2-Exp"] = {
  "architectures": ["DeepseekV32ForCausalLM"], "attention_bias": False, "attention_dropout": 0.0,
  "bos_token_id": 0, "eos_token_id": 1, "ep_size": 1, "first_k_dense_replace": 3, "hidden_act": "silu",
  "hidden_size": 7168, "index_head_dim": 128, "index_n_heads": 64, "index_topk": 2048,
  "initializer_range": 0.02, "intermediate_size": 18432, "kv_lora_rank": 512, "max_position_embeddings": 163840,
  "model_type": "deepseek_v32", "moe_intermediate_size": 2048, "moe_layer_freq": 1, "n_group": 8,
  "n_routed_experts": 256, "n_shared_experts": 1, "norm_topk_prob": True, "num_attention_heads": 128,
  "num_experts_per_tok": 8, "num_hidden_layers": 61, "num_key_value_heads": 128, "num_nextn_predict_layers": 1,
  "q_lora_rank": 1536, "qk_nope_head_dim": 128, "qk_rope_head_dim": 64,
  "quantization_config": {"activation_scheme": "dynamic", "fmt": "e4m3", "quant_method": "fp8", "scale_fmt": "ue8m0", "weight_block_size": [128, 128]},
  "rms_norm_eps": 1e-06,
  "rope_scaling": {"beta_fast": 32, "beta_slow": 1, "factor": 40, "mscale": 1.0, "mscale_all_dim": 1.0, "original_max_position_embeddings": 4096, "type": "yarn"},
  "rope_theta": 10000, "routed_scaling_factor": 2.5, "scoring_func": "sigmoid", "tie_word_embeddings": False,
  "topk_group": 4, "topk_method": "noaux_tc", "torch_dtype": "bfloat16", "transformers_version": "4.44.2",
  "use_cache": True, "v_head_dim": 128, "vocab_size": 129280}

C["Qwen2.5-VL-7B-Instruct"] = {
  "architectures": ["Qwen2_5_VLForConditionalGeneration"], "attention_dropout": 0.0, "bos_token_id": 151643,
  "eos_token_id": 151645, "hidden_act": "silu", "hidden_size": 3584, "image_token_id": 151655,
  "initializer_range": 0.02, "intermediate_size": 18944, "max_position_embeddings": 128000,
  "max_window_layers": 28, "model_type": "qwen2_5_vl", "num_attention_heads": 28, "num_hidden_layers": 28,
  "num_key_value_heads": 4, "rms_norm_eps": 1e-06, "rope_scaling": {"mrope_section": [16, 24, 24], "rope_type": "default", "type": "default"},
  "rope_theta": 1000000.0, "sliding_window": 32768, "tie_word_embeddings": False, "torch_dtype": "bfloat16",
  "transformers_version": "4.41.2", "use_cache": True, "use_sliding_window": False, "video_token_id": 151656,
  "vision_config": {"depth": 32, "fullatt_block_indexes": [7, 15, 23, 31], "hidden_act": "silu",
    "hidden_size": 1280, "in_channels": 3, "in_chans": 3, "intermediate_size": 3420, "model_type": "qwen2_5_vl",
    "num_heads": 16, "out_hidden_size": 3584, "patch_size": 14, "spatial_merge_size": 2, "spatial_patch_size": 14,
    "temporal_patch_size": 2, "tokens_per_second": 2, "torch_dtype": "bfloat16", "window_size": 112},
  "vision_end_token_id": 151653, "vision_start_token_id": 151652, "vision_token_id": 151654, "vocab_size": 152064}

C["Qwen3-VL-8B-Instruct"] = {
  "architectures": ["Qwen3VLForConditionalGeneration"], "image_token_id": 151655, "model_type": "qwen3_vl",
  "text_config": {"attention_bias": False, "attention_dropout": 0.0, "bos_token_id": 151643, "dtype": "bfloat16",
    "eos_token_id": 151645, "head_dim": 128, "hidden_act": "silu", "hidden_size": 4096, "initializer_range": 0.02,
    "intermediate_size": 12288, "max_position_embeddings": 262144, "model_type": "qwen3_vl_text",
    "num_attention_heads": 32, "num_hidden_layers": 36, "num_key_value_heads": 8, "rms_norm_eps": 1e-06,
    "rope_scaling": {"mrope_interleaved": True, "mrope_section": [24, 20, 20], "rope_type": "default"},
    "rope_theta": 5000000, "use_cache": True, "vocab_size": 151936},
  "tie_word_embeddings": False, "transformers_version": "4.57.0.dev0", "video_token_id": 151656,
  "vision_config": {"deepstack_visual_indexes": [8, 16, 24], "depth": 27, "hidden_act": "gelu_pytorch_tanh",
    "hidden_size": 1152, "in_channels": 3, "initializer_range": 0.02, "intermediate_size": 4304,
    "model_type": "qwen3_vl", "num_heads": 16, "num_position_embeddings": 2304, "out_hidden_size": 4096,
    "patch_size": 16, "spatial_merge_size": 2, "temporal_patch_size": 2},
  "vision_end_token_id": 151653, "vision_start_token_id": 151652}

C["Qwen3-Coder-480B-A35B-Instruct"] = {
  "architectures": ["Qwen3MoeForCausalLM"], "attention_bias": False, "attention_dropout": 0.0,
  "bos_token_id": 151643, "decoder_sparse_step": 1, "eos_token_id": 151645, "head_dim": 128, "hidden_act": "silu",
  "hidden_size": 6144, "initializer_range": 0.02, "intermediate_size": 8192, "max_position_embeddings": 262144,
  "max_window_layers": 62, "mlp_only_layers": [], "model_type": "qwen3_moe", "moe_intermediate_size": 2560,
  "norm_topk_prob": True, "num_attention_heads": 96, "num_experts": 160, "num_experts_per_tok": 8,
  "num_hidden_layers": 62, "num_key_value_heads": 8, "output_router_logits": False, "qkv_bias": False,
  "rms_norm_eps": 1e-06, "rope_scaling": None, "rope_theta": 10000000, "router_aux_loss_coef": 0.0,
  "shared_expert_intermediate_size": 0, "sliding_window": None, "tie_word_embeddings": False,
  "torch_dtype": "bfloat16", "transformers_version": "4.51.0", "use_cache": True, "use_qk_norm": True,
  "use_sliding_window": False, "vocab_size": 151936}

C["MiniMax-M2"] = {
  "architectures": ["MiniMaxM2ForCausalLM"], "attn_type_list": [1] * 62, "head_dim": 128, "hidden_act": "silu",
  "hidden_size": 3072, "intermediate_size": 1536, "max_position_embeddings": 196608, "model_type": "minimax_m2",
  "mtp_transformer_layers": 1, "num_attention_heads": 48, "num_experts_per_tok": 8, "num_hidden_layers": 62,
  "num_key_value_heads": 8, "num_local_experts": 256, "num_mtp_modules": 3, "qk_norm_type": "per_layer",
  "rms_norm_eps": 1e-06, "rope_theta": 5000000, "rotary_dim": 64, "scoring_func": "sigmoid",
  "shared_intermediate_size": 0, "tie_word_embeddings": False, "torch_dtype": "bfloat16",
  "transformers_version": "4.46.1", "use_cache": True, "use_mtp": True, "use_qk_norm": True,
  "use_routing_bias": True, "vocab_size": 200064}

C["LFM2-1.2B"] = {
  "architectures": ["Lfm2ForCausalLM"], "block_auto_adjust_ff_dim": True, "block_dim": 2048, "block_ff_dim": 12288,
  "block_ffn_dim_multiplier": 1.0, "block_mlp_init_scale": 1.0, "block_multiple_of": 256, "block_norm_eps": 1e-05,
  "block_out_init_scale": 1.0, "block_use_swiglu": True, "block_use_xavier_init": True, "bos_token_id": 1,
  "conv_L_cache": 3, "conv_bias": False, "conv_dim": 2048, "conv_dim_out": 2048, "conv_use_xavier_init": True,
  "eos_token_id": 7, "hidden_size": 2048, "initializer_range": 0.02, "intermediate_size": 12288,
  "layer_types": ["conv", "conv", "full_attention", "conv", "conv", "full_attention", "conv", "conv", "full_attention", "conv", "full_attention", "conv", "full_attention", "conv", "full_attention", "conv"],
  "max_position_embeddings": 128000, "model_type": "lfm2", "norm_eps": 1e-05, "num_attention_heads": 32,
  "num_heads": 32, "num_hidden_layers": 16, "num_key_value_heads": 8, "pad_token_id": 0, "rope_theta": 1000000.0,
  "torch_dtype": "bfloat16", "transformers_version": "4.54.0.dev0", "use_cache": True, "use_pos_enc": True,
  "vocab_size": 65536}

C["Apertus-8B-2509"] = {
  "architectures": ["ApertusForCausalLM"], "attention_bias": False, "attention_dropout": 0.0, "bos_token_id": 1,
  "eos_token_id": 68, "hidden_act": "xielu", "hidden_size": 4096, "initializer_range": 0.02,
  "intermediate_size": 21504, "max_position_embeddings": 65536, "mlp_bias": False, "model_type": "apertus",
  "num_attention_heads": 32, "num_hidden_layers": 32, "num_key_value_heads": 8, "pad_token_id": 3,
  "post_norm": False, "qk_norm": True, "rms_norm_eps": 1e-05,
  "rope_scaling": {"factor": 8.0, "high_freq_factor": 4.0, "low_freq_factor": 1.0, "original_max_position_embeddings": 8192, "rope_type": "llama3"},
  "rope_theta": 12000000, "tie_word_embeddings": False, "torch_dtype": "bfloat16",
  "transformers_version": "4.56.0.dev0", "use_cache": True, "vocab_size": 131072}

C["AFM-4.5B"] = {
  "architectures": ["ArceeForCausalLM"], "attention_bias": False, "attention_dropout": 0.0, "bos_token_id": 128000,
  "eos_token_id": 128003, "head_dim": 128, "hidden_act": "relu2", "hidden_size": 2560, "initializer_range": 0.02,
  "intermediate_size": 18432, "max_position_embeddings": 65536, "mlp_bias": False, "model_type": "arcee",
  "num_attention_heads": 20, "num_hidden_layers": 36, "num_key_value_heads": 4, "pad_token_id": None,
  "rms_norm_eps": 1e-05,
  "rope_scaling": {"beta_fast": 32.0, "beta_slow": 1.0, "factor": 20.0, "mscale": 1.0, "original_max_position_embeddings": 4096, "rope_type": "yarn"},
  "rope_theta": 10000.0, "tie_word_embeddings": False, "torch_dtype": "bfloat16", "transformers_version": "4.53.2",
  "use_cache": True, "vocab_size": 128004}

# Qwen3.5 (transformers 5.23 qwen3_5 / qwen3_5_moe): Qwen3-Next-style hybrid text models (3 gated delta-net
# layers, then one gated attention layer) with a Qwen3-VL-style vision tower without deepstack mergers.
def qwen35_layers(n):
    return (["linear_attention"] * 3 + ["full_attention"]) * (n // 4)
qwen35_vision = {"deepstack_visual_indexes": [], "depth": 27, "hidden_act": "gelu_pytorch_tanh", "hidden_size": 1152,
  "in_channels": 3, "initializer_range": 0.02, "intermediate_size": 4304, "num_heads": 16,
  "num_position_embeddings": 2304, "patch_size": 16, "spatial_merge_size": 2, "temporal_patch_size": 2}
qwen35_rope = {"mrope_interleaved": True, "mrope_section": [11, 11, 10], "partial_rotary_factor": 0.25,
  "rope_theta": 10000000, "rope_type": "default"}
qwen35_text = {
  "attention_bias": False, "attention_dropout": 0.0, "attn_output_gate": True, "dtype": "bfloat16",
  "eos_token_id": 248044, "full_attention_interval": 4, "head_dim": 256, "hidden_act": "silu", "hidden_size": 5120,
  "initializer_range": 0.02, "intermediate_size": 17408, "layer_types": qwen35_layers(64), "linear_conv_kernel_dim": 4,
  "linear_key_head_dim": 128, "linear_num_key_heads": 16, "linear_num_value_heads": 48, "linear_value_head_dim": 128,
  "max_position_embeddings": 262144, "model_type": "qwen3_5_text", "mtp_num_hidden_layers": 1,
  "mtp_use_dedicated_embeddings": False, "num_attention_heads": 24, "num_hidden_layers": 64, "num_key_value_heads": 4,
  "rms_norm_eps": 1e-06, "rope_parameters": qwen35_rope, "use_cache": True, "vocab_size": 248320}
C["Qwen3.5-27B"] = {
  "architectures": ["Qwen3_5ForConditionalGeneration"], "image_token_id": 248056, "model_type": "qwen3_5",
  "text_config": qwen35_text, "tie_word_embeddings": False, "transformers_version": "4.57.0.dev0",
  "video_token_id": 248057, "vision_config": dict(qwen35_vision, model_type="qwen3_5", out_hidden_size=5120),
  "vision_end_token_id": 248054, "vision_start_token_id": 248053}
C["Qwen3.5-27B.text"] = dict(qwen35_text, architectures=["Qwen3_5ForCausalLM"], tie_word_embeddings=False,
  transformers_version="4.57.0.dev0")
qwen35moe_text = {
  "attention_bias": False, "attention_dropout": 0.0, "attn_output_gate": True, "dtype": "bfloat16",
  "eos_token_id": 248044, "full_attention_interval": 4, "head_dim": 256, "hidden_act": "silu", "hidden_size": 2048,
  "initializer_range": 0.02, "layer_types": qwen35_layers(40), "linear_conv_kernel_dim": 4,
  "linear_key_head_dim": 128, "linear_num_key_heads": 16, "linear_num_value_heads": 32, "linear_value_head_dim": 128,
  "max_position_embeddings": 262144, "model_type": "qwen3_5_moe_text", "moe_intermediate_size": 512,
  "mtp_num_hidden_layers": 1, "mtp_use_dedicated_embeddings": False, "num_attention_heads": 16, "num_experts": 256,
  "num_experts_per_tok": 8, "num_hidden_layers": 40, "num_key_value_heads": 2, "output_router_logits": False,
  "rms_norm_eps": 1e-06, "rope_parameters": qwen35_rope, "router_aux_loss_coef": 0.001,
  "shared_expert_intermediate_size": 512, "use_cache": True, "vocab_size": 248320}
C["Qwen3.5-35B-A3B"] = {
  "architectures": ["Qwen3_5MoeForConditionalGeneration"], "image_token_id": 248056, "model_type": "qwen3_5_moe",
  "text_config": qwen35moe_text, "tie_word_embeddings": False, "transformers_version": "4.57.0.dev0",
  "video_token_id": 248057, "vision_config": dict(qwen35_vision, model_type="qwen3_5_moe", out_hidden_size=2048),
  "vision_end_token_id": 248054, "vision_start_token_id": 248053}
C["Qwen3.5-35B-A3B.text"] = dict(qwen35moe_text, architectures=["Qwen3_5MoeForCausalLM"], tie_word_embeddings=False,
  transformers_version="4.57.0.dev0")

C["OLMoE-1B-7B-0924"] = {
  "architectures": ["OlmoeForCausalLM"], "attention_bias": False, "attention_dropout": 0.0, "clip_qkv": None,
  "eos_token_id": 50279, "hidden_act": "silu", "hidden_size": 2048, "initializer_range": 0.02,
  "intermediate_size": 1024, "max_position_embeddings": 4096, "model_type": "olmoe", "norm_topk_prob": False,
  "num_attention_heads": 16, "num_experts": 64, "num_experts_per_tok": 8, "num_hidden_layers": 16,
  "num_key_value_heads": 16, "output_router_logits": False, "pad_token_id": 1, "rms_norm_eps": 1e-05,
  "rope_scaling": None, "rope_theta": 10000.0, "router_aux_loss_coef": 0.01, "tie_word_embeddings": False,
  "torch_dtype": "bfloat16", "transformers_version": "4.43.0.dev0", "use_cache": True, "vocab_size": 50304}

C["dots.llm1.inst"] = {
  "architectures": ["Dots1ForCausalLM"], "attention_bias": False, "attention_dropout": 0.0, "bos_token_id": None,
  "eos_token_id": 151649, "first_k_dense_replace": 1, "head_dim": 128, "hidden_act": "silu", "hidden_size": 4096,
  "initializer_range": 0.02, "intermediate_size": 10944, "max_position_embeddings": 32768, "max_window_layers": 62,
  "model_type": "dots1", "moe_intermediate_size": 1408, "n_group": 1, "n_routed_experts": 128, "n_shared_experts": 2,
  "norm_topk_prob": True, "num_attention_heads": 32, "num_experts_per_tok": 6, "num_hidden_layers": 62,
  "num_key_value_heads": 32, "rms_norm_eps": 1e-05, "rope_scaling": None, "rope_theta": 10000000,
  "routed_scaling_factor": 2.5, "scoring_func": "noaux_tc", "sliding_window": None, "tie_word_embeddings": False,
  "topk_group": 1, "topk_method": "noaux_tc", "torch_dtype": "bfloat16", "transformers_version": "4.46.3",
  "use_cache": True, "use_sliding_window": False, "vocab_size": 152064}

C["GLM-4.7-Flash"] = {
  "architectures": ["Glm4MoeLiteForCausalLM"], "attention_bias": False, "attention_dropout": 0.0,
  "dtype": "bfloat16", "eos_token_id": [154820, 154827, 154829], "first_k_dense_replace": 1, "hidden_act": "silu",
  "hidden_size": 2048, "initializer_range": 0.02, "intermediate_size": 10240, "kv_lora_rank": 512,
  "max_position_embeddings": 202752, "model_type": "glm4_moe_lite", "moe_intermediate_size": 1536, "n_group": 1,
  "n_routed_experts": 64, "n_shared_experts": 1, "norm_topk_prob": True, "num_attention_heads": 20,
  "num_experts_per_tok": 4, "num_hidden_layers": 47, "num_key_value_heads": 20, "num_nextn_predict_layers": 1,
  "pad_token_id": 154820, "partial_rotary_factor": 1.0, "q_lora_rank": 768, "qk_nope_head_dim": 192,
  "qk_rope_head_dim": 64, "rms_norm_eps": 1e-05, "rope_scaling": None, "rope_theta": 1000000,
  "routed_scaling_factor": 1.8, "tie_word_embeddings": False, "topk_group": 1, "topk_method": "noaux_tc",
  "transformers_version": "5.0.0.dev0", "use_cache": True, "v_head_dim": 256, "vocab_size": 154880}

assert len(C["NVIDIA-Nemotron-Nano-9B-v2"]["hybrid_override_pattern"]) == 56
for name, d in C.items():
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        f.write(json.dumps(d, indent=2, sort_keys=True) + "\n")
print(len(C))
