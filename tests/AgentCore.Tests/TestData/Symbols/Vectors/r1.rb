module Shapes
  class Circle
    def initialize(r)
      @r = r
    end

    def area
      3.14 * @r * @r
    end
  end
end
