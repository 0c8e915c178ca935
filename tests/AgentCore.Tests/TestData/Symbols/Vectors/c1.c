#include <stdio.h>

struct point {
    int x;
    int y;
};

int add(int a, int b) {
    int s = a + b;
    return s;
}
