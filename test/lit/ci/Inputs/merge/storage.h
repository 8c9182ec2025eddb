#include <fstream>

inline void save_upload() { std::ofstream out("upload.bin"); }
