"""MiniLM without its padding: a batch's word pieces stacked in one matrix.

sentence-transformers pads every sentence of a batch to the longest one's length, and BERT's
layers compute the pad positions like the others: for 800-word news reports, their sentences
sorted by length 16 a batch, half again as many word pieces as the sentences hold
(docs/performance.md). Every step of a BERT layer but attention reads one word piece at a
time, so here those steps run on the batch's real word pieces alone, with the model's own
modules; only attention puts them back in padded sentences. The vectors are
sentence-transformers' within float32's rounding (tested). sentence-transformers skips
padding only with the flash-attention package, which has no CPU build.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np


class UnpaddedEncoder:
    """Mean-pooled, unit-length vectors of a BERT sentence-transformers model, one batch at a
    time (`fits` says which models)."""

    def __init__(self, model: Any) -> None:
        self._model = model
        self._bert = model[0].auto_model
        self._heads = self._bert.config.num_attention_heads
        self.dimension: int = self._bert.config.hidden_size

    @staticmethod
    def fits(model: Any) -> bool:
        """Whether ``model`` is what this computes: a BERT encoder (absolute positions, no
        cross-attention), mean pooling over every word piece, at most a normalization."""
        modules = list(model)
        if len(modules) not in (2, 3):
            return False
        bert: Any = getattr(modules[0], "auto_model", None)
        if type(bert).__name__ != "BertModel":
            return False
        config = bert.config
        absolute = getattr(config, "position_embedding_type", "absolute") == "absolute"
        pooling = modules[1]
        return (
            absolute
            and not config.is_decoder
            and not getattr(config, "add_cross_attention", False)
            and type(pooling).__name__ == "Pooling"
            and pooling.pooling_mode in ("mean", ("mean",))
            and all(type(m).__name__ == "Normalize" for m in modules[2:])
        )

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        """The unit vectors of ``texts``, in one batch."""
        import torch
        import torch.nn.functional as F

        features = self._model.preprocess(list(texts))
        mask = features["attention_mask"].bool()
        count, longest = mask.shape
        kept = mask.flatten().nonzero().squeeze(1)  # the real word pieces' positions
        lengths = mask.sum(dim=1)
        with torch.inference_mode():
            hidden = self._bert.embeddings(
                input_ids=features["input_ids"], token_type_ids=features.get("token_type_ids")
            )
            pieces = hidden.reshape(count * longest, -1).index_select(0, kept)
            for layer in self._bert.encoder.layer:
                attended = self._attend(layer.attention.self, pieces, mask, kept)
                pieces = layer.attention.output(attended, pieces)
                pieces = layer.output(layer.intermediate(pieces), pieces)
            owner = torch.repeat_interleave(torch.arange(count), lengths)
            sums = torch.zeros(count, pieces.shape[1], dtype=pieces.dtype)
            sums.index_add_(0, owner, pieces)
            vectors = F.normalize(sums / lengths.unsqueeze(1), dim=1)
        return np.asarray(vectors.float().numpy(), dtype=np.float32)

    def _attend(self, attention: Any, pieces: Any, mask: Any, kept: Any) -> Any:
        """Self-attention of each sentence over its own word pieces: queries, keys and values
        put back in padded sentences, the pads masked out, the result stacked again."""
        import torch.nn.functional as F

        count, longest = mask.shape
        width = pieces.shape[1]
        size = width // self._heads

        def padded(projection: Any) -> Any:
            values = projection(pieces)
            full = values.new_zeros(count * longest, width).index_copy_(0, kept, values)
            return full.view(count, longest, self._heads, size).transpose(1, 2)

        query, key, value = padded(attention.query), padded(attention.key), padded(attention.value)
        heads = F.scaled_dot_product_attention(
            query, key, value, attn_mask=mask[:, None, None, :], scale=attention.scaling
        )
        return heads.transpose(1, 2).reshape(count * longest, width).index_select(0, kept)
