//! Values: type inference as the README documents it, implausible values reported at their own
//! span, no silent clamping.
