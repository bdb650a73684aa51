"""infotheory: information theory for machine learning.

Entropy, cross-entropy, KL and other divergences, mutual information and the
losses built on them, for numpy arrays.

Conventions used by every function:

* ``base`` selects the unit: ``e`` (default) gives nats, ``2`` bits, ``10`` bans;
* ``axis`` (default ``-1``) holds the outcomes of a distribution, other axes
  are a batch;
* ``0 * log 0 = 0`` and ``KL(p || q) = inf`` where ``q = 0 < p``;
* invalid input raises ``ValueError`` naming the argument and the problem;
  nothing returns a silent NaN.
"""

from .coding import huffman_code
from .continuous import differential_entropy, differential_entropy_gaussian
from .divergence import (
    chi_squared,
    f_divergence,
    hellinger_squared,
    js_distance,
    js_divergence,
    kl_divergence,
    total_variation,
)
from .entropy import binary_entropy, cross_entropy, entropy, information_content, perplexity
from .estimators import entropy_from_counts
from .gaussian import kl_gaussian, kl_multivariate_normal, kl_normal
from .knn import mutual_information_features, mutual_information_knn
from .losses import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    cross_entropy_with_logits,
    log_softmax,
    smooth_labels,
    softmax,
)
from .mutual_information import (
    conditional_entropy,
    conditional_mutual_information,
    conditional_mutual_information_from_samples,
    information_gain,
    joint_entropy,
    mutual_information,
    mutual_information_from_samples,
    normalized_mutual_information_from_samples,
    variation_of_information,
)
from .renyi import renyi_divergence, renyi_entropy, tsallis_entropy
from .transport import wasserstein_distance

__version__ = "0.1.0"

__all__ = [
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "binary_entropy",
    "chi_squared",
    "conditional_entropy",
    "conditional_mutual_information",
    "conditional_mutual_information_from_samples",
    "cross_entropy",
    "cross_entropy_with_logits",
    "differential_entropy",
    "differential_entropy_gaussian",
    "entropy",
    "entropy_from_counts",
    "f_divergence",
    "hellinger_squared",
    "huffman_code",
    "information_content",
    "information_gain",
    "joint_entropy",
    "js_distance",
    "js_divergence",
    "kl_divergence",
    "kl_gaussian",
    "kl_multivariate_normal",
    "kl_normal",
    "log_softmax",
    "mutual_information",
    "mutual_information_features",
    "mutual_information_from_samples",
    "mutual_information_knn",
    "normalized_mutual_information_from_samples",
    "perplexity",
    "renyi_divergence",
    "renyi_entropy",
    "smooth_labels",
    "softmax",
    "total_variation",
    "tsallis_entropy",
    "variation_of_information",
    "wasserstein_distance",
]
