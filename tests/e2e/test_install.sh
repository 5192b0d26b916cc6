#!/usr/bin/env bash
# What users and packagers get: cmake --install, the CMake package proven by a consumer that
# builds against it, and the Debian package from cpack installed into a scratch root.
. "$(dirname "$0")/lib.sh"
: "${SOURCE_DIR:?}" "${BUILD_DIR:?}"

test_cmake_install_puts_every_file_in_its_conventional_place() {
  cmake --install "$BUILD_DIR" --prefix "$PWD/prefix" >/dev/null
  for file in \
    bin/llmchecklist \
    share/man/man1/llmchecklist.1 \
    share/bash-completion/completions/llmchecklist \
    share/zsh/site-functions/_llmchecklist \
    share/fish/vendor_completions.d/llmchecklist.fish \
    share/llmchecklist/checklists/llm-deployment.toml \
    include/llmchecklist/checklist.hpp \
    include/llmchecklist/version.hpp \
    lib/cmake/llmchecklist/llmchecklistConfig.cmake \
    lib/cmake/llmchecklist/llmchecklistConfigVersion.cmake; do
    [ -e "prefix/$file" ] || fail "missing $file"
  done
  ls prefix/lib*/libllmchecklist.a >/dev/null 2>&1 || fail "missing the static library"
  out=$(prefix/bin/llmchecklist --version)
  assert_contains "$out" "llmchecklist "
}

test_a_consumer_builds_against_the_installed_package_with_find_package() {
  cmake --install "$BUILD_DIR" --prefix "$PWD/prefix" >/dev/null
  cmake -S "$TESTS_DIR/consumer" -B consumer -DCMAKE_PREFIX_PATH="$PWD/prefix" >configure.log 2>&1 ||
    { cat configure.log >&2; fail "the consumer does not configure"; }
  cmake --build consumer >build.log 2>&1 || { cat build.log >&2; fail "the consumer does not build"; }
  out=$(consumer/consumer)
  assert_contains "$out" "items=40 done=1 percent=2"
  assert_contains "$out" "# LLM Deployment Checklist"
}

test_the_debian_package_installs_and_runs_from_a_scratch_root() {
  command -v dpkg-deb >/dev/null || skip "no dpkg-deb: not a Debian system"
  (cd "$BUILD_DIR" && cpack -G DEB -B "$OLDPWD/package" >"$OLDPWD/cpack.log" 2>&1) ||
    { cat cpack.log >&2; fail "cpack failed"; }
  deb=$(ls package/*.deb)
  depends=$(dpkg-deb -f "$deb" Depends)
  assert_contains "$depends" "libfmt9"
  assert_contains "$depends" "libtomlplusplus3"
  assert_contains "$depends" "libsimdjson14"
  assert_contains "$depends" "libgit2-1.5"
  assert_contains "$depends" "libc6"
  assert_contains "$depends" "libstdc++6"
  dpkg-deb -x "$deb" root
  out=$(root/usr/bin/llmchecklist --version)
  assert_contains "$out" "llmchecklist "
  git_repo
  root/usr/bin/llmchecklist check 1 -q || fail "the installed binary cannot check an item"
  [ -f .llmchecklist ] || fail "no state file"
  page=$(MANWIDTH=80 man -l root/usr/share/man/man1/llmchecklist.1 2>&1) || fail "man -l failed: $page"
  assert_contains "$page" "EXIT STATUS"
  [ -f root/usr/share/bash-completion/completions/llmchecklist ] || fail "no bash completion"
}

run_tests "$@"
