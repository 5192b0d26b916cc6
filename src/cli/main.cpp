#include "app.hpp"
#include "heap.hpp"

int main(int argc, char** argv)
{
  llmchecklist::cli::prepare_heap();
  return llmchecklist::cli::run(argc, argv);
}
