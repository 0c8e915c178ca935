import os

class Greeter:
    def __init__(self, name):
        self.name = name

    def greet(self):
        msg = "hi " + self.name
        print(msg)
        return msg

def short():
    return 1

def longer(a, b):
    c = a + b
    d = c * 2
    return d
