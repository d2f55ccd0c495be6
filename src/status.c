#include "status.h"

const char *ng_strerror(NgStatus st) {
  switch (st) {
  case NG_SUCCESS: return "success";
  case NG_ERR_NOMEM: return "out of memory";
  case NG_ERR_IO: return "input/output error";
  case NG_ERR_NOENT: return "no such file";
  case NG_ERR_ISDIR: return "is a directory, not a text file";
  case NG_ERR_EMPTY: return "empty input: no text to read";
  case NG_ERR_BINARY: return "binary data (NUL byte), not text";
  case NG_ERR_UTF8: return "invalid UTF-8";
  case NG_ERR_TOOBIG: return "input too large";
  case NG_ERR_SYNTAX: return "syntax error";
  case NG_ERR_RDF: return "RDF library error";
  case NG_ERR_CSV: return "CSV library error";
  case NG_ERR_BAD_ARG: return "invalid argument";
  case NG_ERR_ENCODING: return "text in another encoding than UTF-8";
  case NG_ERR_LOCKED: return "locked by another process";
  }
  return "unknown error";
}
