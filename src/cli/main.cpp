#include "app.hpp"

int main(int argc, char** argv)
{
  return llmchecklist::cli::run(argc, argv);
}
