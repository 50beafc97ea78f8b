/// Weight elements of one layer's blocks, split the way the parameter and FLOP counts need them.
///
/// `*Matrices` are matrix elements (what a token multiplies through); `*Parameters` add biases. Norm vectors are
/// counted separately by `ParameterCount`.
struct LayerWeights: Hashable, Sendable {
    /// q, k, v, o (or MLA's q_a, q_b, kv_a, kv_b, o) matrix elements in one layer.
    var attentionMatrices: Int128
    /// The same plus the attention biases.
    var attentionParameters: Int128
    /// Dense MLP matrix elements in one dense layer.
    var denseMLPMatrices: Int128
    var denseMLPParameters: Int128
    /// Matrix elements of one routed expert.
    var expertMatrices: Int128
    var expertParameters: Int128
    /// Matrix elements of all shared experts of one MoE layer, with the shared-expert gate.
    var sharedMatrices: Int128
    var sharedParameters: Int128
    /// Router matrix elements (hidden x experts) of one MoE layer.
    var routerMatrices: Int128
    var routerParameters: Int128

    /// Routed experts in one MoE layer and the ones a token runs through.
    var experts: Int128
    var topK: Int128
    /// lm_head matrix elements (vocab x hidden); the matmul runs whether or not it is tied.
    var lmHeadMatrices: Int128
    var layers: Int128
    var moeLayers: Int128
    var denseLayers: Int128 { layers - moeLayers }

    /// Every MoE layer's parameters, all experts.
    var moeLayerParameters: Int128 {
        get throws(CostError) {
            try Checked.add(try Checked.mul(experts, expertParameters, term: "expert parameters"),
                            sharedParameters, routerParameters, term: "moe parameters")
        }
    }

    /// One MoE layer's parameters a token uses: top_k routed experts, the shared experts and the router.
    var moeLayerActiveParameters: Int128 {
        get throws(CostError) {
            try Checked.add(try Checked.mul(topK, expertParameters, term: "expert parameters"),
                            sharedParameters, routerParameters, term: "moe parameters")
        }
    }

    /// One MoE layer's matrix elements a token multiplies through.
    var moeLayerActiveMatrices: Int128 {
        get throws(CostError) {
            try Checked.add(try Checked.mul(topK, expertMatrices, term: "expert FLOPs"),
                            sharedMatrices, routerMatrices, term: "moe FLOPs")
        }
    }

    /// Matrix elements one token multiplies through in all layers (excluding the lm_head).
    var layerMatricesPerToken: Int128 {
        get throws(CostError) {
            try Checked.add(
                try Checked.mul(layers, attentionMatrices, term: "layer weights"),
                try Checked.mul(denseLayers, denseMLPMatrices, term: "layer weights"),
                try Checked.mul(moeLayers, try moeLayerActiveMatrices, term: "layer weights"), term: "layer weights")
        }
    }
}
