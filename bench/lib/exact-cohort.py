# Exact cohort optimum (issue 21): edges as int32 triples (mentee, mentor, gain in hundredths), capacities as int32.
# Dense assignment over mentees × mentor places; a pair without an edge is worth 0, the same as staying unmatched.
import json, sys
import numpy as np
from scipy.optimize import linear_sum_assignment

edges = np.fromfile(sys.argv[1], dtype=np.int32).reshape(-1, 3)
caps = np.fromfile(sys.argv[2], dtype=np.int32)
n = int(sys.argv[3])
slot_start = np.concatenate(([0], np.cumsum(caps)))
weight = np.zeros((n, int(slot_start[-1])), dtype=np.float64)
for c in range(int(caps.max(initial=0))):
    sel = edges[caps[edges[:, 1]] > c]
    weight[sel[:, 0], slot_start[sel[:, 1]] + c] = sel[:, 2]
rows, cols = linear_sum_assignment(weight, maximize=True)
won = weight[rows, cols]
print(json.dumps({"total": int(won.sum()), "matched": int((won > 0).sum())}))
