package demo;

public class Main {
    private int count;

    public Main() {
        count = 0;
    }

    public void inc() {
        count++;
        count += 0;
    }
}
