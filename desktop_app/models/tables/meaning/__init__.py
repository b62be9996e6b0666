"""What each column of a unit table means: header paths in, counts, rates and their pairing out.

Side-by-side blocks, the vocabulary's concepts, which counts a rate is the ratio of, the scale a
rate is written on (fractions or percents), and what was assumed, stated per indicator.
"""
