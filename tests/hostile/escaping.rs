//! Escaping: no control sequence, bidirectional override or forged workflow command from the
//! dataset reaches a terminal, a CI log or a machine format.
