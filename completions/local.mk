## completions/local.mk: shell completions, all asking the driver's option table.
bashcompletiondir = $(datadir)/bash-completion/completions
bashcompletion_DATA = completions/wasm32-wasi-cc
zshcompletiondir = $(datadir)/zsh/vendor-completions
zshcompletion_DATA = completions/_wasm32-wasi-cc
fishcompletiondir = $(datadir)/fish/vendor_completions.d
fishcompletion_DATA = completions/wasm32-wasi-cc.fish
EXTRA_DIST += completions/wasm32-wasi-cc.bash completions/_wasm32-wasi-cc completions/wasm32-wasi-cc.fish
CLEANFILES += completions/wasm32-wasi-cc

# bash-completion loads a command's file by the command's name.
completions/wasm32-wasi-cc: completions/wasm32-wasi-cc.bash
	$(AM_V_GEN)$(MKDIR_P) completions && cp $(srcdir)/completions/wasm32-wasi-cc.bash $@

# The c++ and cpp names load the same file.
install-completion-aliases:
	cd '$(DESTDIR)$(bashcompletiondir)' && \
	for n in wasm32-wasi-c++ wasm32-wasi-cpp; do rm -f $$n && $(LN_S) wasm32-wasi-cc $$n; done
uninstall-completion-aliases:
	rm -f '$(DESTDIR)$(bashcompletiondir)/wasm32-wasi-c++' '$(DESTDIR)$(bashcompletiondir)/wasm32-wasi-cpp'
