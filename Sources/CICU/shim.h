#include <unicode/utrans.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
