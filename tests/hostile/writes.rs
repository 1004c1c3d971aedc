//! Writes: every file written is written whole or not at all, and never over an input or
//! through a symbolic link.
