using System;

namespace Demo
{
    public class Calculator
    {
        public int Add(int a, int b)
        {
            return a + b;
        }

        // more to come
    }
}
