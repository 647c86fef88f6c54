"""The training loss: cross-entropy on the completion tokens only, the head run only where needed.

Supervised fine-tuning puts the loss on the answer, not the prompt (``labels`` -100 on the
prompt, see :mod:`labutils.tokenization`). :class:`CompletionLoss` wraps a causal LM so that one
``forward`` returns the SUM of the token losses of a micro-batch; the loop in
:mod:`labutils.train` divides by the labelled tokens of the whole optimizer step. An
encoder-decoder model (FLAN-T5) takes the same path: the prompt goes to the encoder and every
decoder label is a completion token, so the same sum over ``loss_positions`` is its loss too.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from labutils.tokenization import IGNORE_INDEX



def completion_loss_sum(hidden: torch.Tensor, loss_positions: torch.Tensor, loss_targets: torch.Tensor,
                        lm_head: torch.nn.Module) -> torch.Tensor:
    """Summed cross-entropy over the labelled tokens, running ``lm_head`` only where needed.

    Position t predicts token t+1, so we keep the hidden states whose NEXT label is set: their
    flat indices ``loss_positions`` were computed on the CPU by ``collate``, padded to a fixed
    multiple with target -100. A gather of known size needs no device sync (a boolean mask
    ``hidden[keep]`` would make the GPU wait for its count), and its backward is a plain
    scatter-add. With a 49k vocabulary the head is about a fifth of a small model's FLOPs and
    most of the logits memory; prompt positions never need it. Same value as Hugging Face's
    ``model(..., labels=labels).loss`` times the number of labelled tokens.
    """
    selected = hidden.flatten(0, 1).index_select(0, loss_positions)   # (slots, hidden)
    logits = lm_head(selected).float()                                 # (slots, vocab), fp32 for a stable softmax
    return F.cross_entropy(logits, loss_targets, reduction="sum")      # padding slots: target -100, no loss


def count_loss_tokens(batch: dict[str, torch.Tensor]) -> int:
    """How many tokens carry loss in a collated batch: its set ``loss_targets`` (causal or seq2seq)."""
    return int((batch["loss_targets"] != IGNORE_INDEX).sum())


def masks_on_host(model: torch.nn.Module, *, packing: bool) -> bool:
    """Whether collate may build this model's attention masks on the host (``collate(causal_mask=True)``).

    Only where the mask the model would build is exactly "causal, over non-padding keys": a
    decoder-only model with SDPA attention, no sliding window, unpacked rows. Then a step never
    waits for the GPU to say whether a batch is padded, and the loss is unchanged (tests/test_train.py).
    """
    config = model.config
    windowed = getattr(config, "sliding_window", None) is not None or any(
        "sliding" in str(kind) for kind in (getattr(config, "layer_types", None) or []))
    return (not packing and not getattr(config, "is_encoder_decoder", False) and not windowed
            and getattr(config, "_attn_implementation", None) == "sdpa")


class CompletionLoss(torch.nn.Module):
    """Wraps a causal or encoder-decoder LM (plain or peft) so that ``forward`` returns the summed completion loss.

    We wrap instead of calling ``model.model`` directly from the loop so that Accelerate/DDP
    sees one module whose ``forward`` does all the work (DDP's gradient sync hooks in there).
    """

    def __init__(self, model: torch.nn.Module):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, loss_positions, loss_targets, labels=None, position_ids=None,
                decoder_input_ids=None, decoder_attention_mask=None, causal_mask=None):
        if decoder_input_ids is not None:
            # Encoder-decoder: nearly every decoder position is labelled (only padding is not), so
            # the head runs everywhere and the whole model's forward does it (T5 also rescales the
            # decoder output before its head); positions index the (batch, target) grid.
            logits = self.model(input_ids=input_ids, attention_mask=attention_mask, decoder_input_ids=decoder_input_ids,
                                decoder_attention_mask=decoder_attention_mask, use_cache=False).logits
            selected = logits.flatten(0, 1).index_select(0, loss_positions).float()  # (slots, vocab)
            return F.cross_entropy(selected, loss_targets, reduction="sum")
        if causal_mask is not None:  # built by collate on the host (masks_on_host): used as is
            attention_mask = causal_mask
        base = self.model.get_base_model() if hasattr(self.model, "get_base_model") else self.model
        backbone = getattr(base, base.base_model_prefix)  # e.g. LlamaForCausalLM.model: no lm_head
        hidden = backbone(input_ids=input_ids, attention_mask=attention_mask,
                          position_ids=position_ids, use_cache=False).last_hidden_state  # (batch, seq, hidden)
        return completion_loss_sum(hidden, loss_positions, loss_targets, base.get_output_embeddings())
