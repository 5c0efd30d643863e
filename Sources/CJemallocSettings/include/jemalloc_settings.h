// jemalloc's settings, fixed in the executable: jemalloc reads the symbol `malloc_conf` when it starts,
// before main (see settings.c).
extern const char *malloc_conf;
