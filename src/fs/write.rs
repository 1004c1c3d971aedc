//! Writing output files: atomically (a temporary file in the same directory, then a rename),
//! never through a symbolic link and never over one of the run's inputs.
