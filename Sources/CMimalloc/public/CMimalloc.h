// mimalloc replaces malloc, free and the rest by their names: nothing here is called by name.
