package deriv.cli;

/** Output formats of the commands. */
enum Format { text, latex, json }
